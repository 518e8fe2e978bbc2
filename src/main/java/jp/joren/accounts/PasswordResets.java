package jp.joren.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jp.joren.shared.SecretToken;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reset links issued in the current shop: their hashes, their hour, whether they were used. */
@Repository
@RequiredArgsConstructor
class PasswordResets {

    private final JdbcClient jdbc;

    /** The shop a link was issued in, before any shop is known (a narrow definer function). */
    Optional<Long> shopOf(SecretToken token) {
        return jdbc.sql("select shop from shop_for_password_reset(?) shop where shop is not null")
                .param(token.hash()).query(Long.class).optional();
    }

    @Transactional
    void issue(long shop, long accountId, SecretToken token, Instant now, Instant expires) {
        jdbc.sql("""
                        insert into password_reset (tenant_id, account_id, token_hash, created_at, expires_at)
                        values (:shop, :account, :hash, :now, :expires)
                        """)
                .param("shop", shop).param("account", accountId).param("hash", token.hash())
                .param("now", now.atOffset(ZoneOffset.UTC)).param("expires", expires.atOffset(ZoneOffset.UTC))
                .update();
    }

    @Transactional(readOnly = true)
    boolean usable(long shop, SecretToken token, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from password_reset
                                        where tenant_id = :shop and token_hash = :hash
                                          and used_at is null and expires_at > :now)
                        """)
                .param("shop", shop).param("hash", token.hash()).param("now", now.atOffset(ZoneOffset.UTC))
                .query(Boolean.class).single();
    }

    /**
     * Uses the link, once: the account it was issued for, or empty when it is unknown, used or expired. Every
     * other link of that account is used up with it.
     */
    @Transactional
    Optional<Long> use(long shop, SecretToken token, Instant now) {
        Optional<Long> account = jdbc.sql("""
                        update password_reset set used_at = :now
                         where tenant_id = :shop and token_hash = :hash and used_at is null and expires_at > :now
                        returning account_id
                        """)
                .param("shop", shop).param("hash", token.hash()).param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class).optional();
        account.ifPresent(id -> jdbc.sql("""
                        update password_reset set used_at = :now
                         where tenant_id = :shop and account_id = :account and used_at is null
                        """)
                .param("shop", shop).param("account", id).param("now", now.atOffset(ZoneOffset.UTC)).update());
        return account;
    }
}
