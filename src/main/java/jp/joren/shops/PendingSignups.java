package jp.joren.shops;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import jp.joren.shared.SecretToken;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Shop sign-ups waiting for their owner to open the emailed link. A platform table (no shop exists yet),
 * written and read one statement at a time.
 */
@Repository
@RequiredArgsConstructor
class PendingSignups {

    private final JdbcClient jdbc;

    void save(SecretToken token, ShopOpening shop, Instant now, Instant expires) {
        jdbc.sql("""
                        insert into shop_signup (token_hash, shop_name, owner_name, email, password_hash, time_zone,
                                                 language, created_at, expires_at)
                        values (:hash, :shopName, :ownerName, :email, :passwordHash, :zone, :language, :now, :expires)
                        """)
                .param("hash", token.hash()).param("shopName", shop.shopName()).param("ownerName", shop.ownerName())
                .param("email", shop.ownerEmail()).param("passwordHash", shop.ownerPasswordHash())
                .param("zone", shop.zone().getId()).param("language", shop.language().toLanguageTag())
                .param("now", now.atOffset(ZoneOffset.UTC)).param("expires", expires.atOffset(ZoneOffset.UTC))
                .update();
    }

    boolean usable(SecretToken token, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from shop_signup where token_hash = ? and expires_at > ?)
                        """)
                .params(token.hash(), now.atOffset(ZoneOffset.UTC)).query(Boolean.class).single();
    }

    /**
     * The sign-up behind the link, once (it is deleted, password hash and all): empty when the link is
     * unknown, used or expired.
     */
    Optional<ShopOpening> use(SecretToken token, Instant now) {
        return jdbc.sql("""
                        delete from shop_signup
                         where token_hash = :hash and expires_at > :now
                        returning shop_name, owner_name, email, password_hash, time_zone, language
                        """)
                .param("hash", token.hash()).param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new ShopOpening(rs.getString("shop_name"), rs.getString("owner_name"),
                        rs.getString("email"), rs.getString("password_hash"), ZoneId.of(rs.getString("time_zone")),
                        Locale.forLanguageTag(rs.getString("language"))))
                .optional();
    }

    /** Sign-ups whose link ran out a day ago are of no more use to anyone. */
    void forgetExpiredBefore(Instant before) {
        jdbc.sql("delete from shop_signup where expires_at < ?").param(before.atOffset(ZoneOffset.UTC)).update();
    }
}
