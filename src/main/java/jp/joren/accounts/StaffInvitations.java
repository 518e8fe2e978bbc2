package jp.joren.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jp.joren.shared.SecretToken;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Invitations of staff in the current shop: who, by whom, until when, and whether they were accepted. */
@Repository
@RequiredArgsConstructor
class StaffInvitations {

    /** An invitation as the owner's staff page lists it while it waits. */
    record Pending(String email, String displayName, Instant createdAt, Instant expiresAt) {
    }

    /** What an accepted invitation makes the account of. */
    record Accepted(String email, String displayName, String passwordHash) {
    }

    private final JdbcClient jdbc;

    /** The shop an invitation was issued in, before any shop is known (a narrow definer function). */
    Optional<Long> shopOf(SecretToken token) {
        return jdbc.sql("select shop from shop_for_staff_invitation(?) shop where shop is not null")
                .param(token.hash()).query(Long.class).optional();
    }

    void issue(long shop, NewStaffInvitation invitation, SecretToken token, Instant now, Instant expires) {
        jdbc.sql("""
                        insert into staff_invitation (tenant_id, email, display_name, password_hash, token_hash, invited_by,
                                                      created_at, expires_at)
                        values (:shop, :email, :name, :password, :token, :by, :now, :expires)
                        """)
                .param("shop", shop).param("email", invitation.email()).param("name", invitation.displayName())
                .param("password", invitation.passwordHash()).param("token", token.hash())
                .param("by", invitation.invitedBy()).param("now", now.atOffset(ZoneOffset.UTC))
                .param("expires", expires.atOffset(ZoneOffset.UTC)).update();
    }

    List<Pending> pending(long shop, Instant now) {
        return jdbc.sql("""
                        select email, display_name, created_at, expires_at from staff_invitation
                         where tenant_id = :shop and accepted_at is null and expires_at > :now
                         order by created_at desc
                        """)
                .param("shop", shop).param("now", now.atOffset(ZoneOffset.UTC)).query(Pending.class).list();
    }

    /** The name the invitation was made for, while it can still be accepted. */
    @Transactional(readOnly = true)
    Optional<String> usable(long shop, SecretToken token, Instant now) {
        return jdbc.sql("""
                        select display_name from staff_invitation
                         where tenant_id = :shop and token_hash = :token and accepted_at is null and expires_at > :now
                        """)
                .param("shop", shop).param("token", token.hash()).param("now", now.atOffset(ZoneOffset.UTC))
                .query(String.class).optional();
    }

    /** Accepts the invitation, once. */
    Optional<Accepted> accept(long shop, SecretToken token, Instant now) {
        return jdbc.sql("""
                        update staff_invitation set accepted_at = :now
                         where tenant_id = :shop and token_hash = :token and accepted_at is null and expires_at > :now
                        returning email, display_name, password_hash
                        """)
                .param("shop", shop).param("token", token.hash()).param("now", now.atOffset(ZoneOffset.UTC))
                .query(Accepted.class).optional();
    }

    String shopName(long shop) {
        return jdbc.sql("select s.name from shop s where s.id = :shop").param("shop", shop).query(String.class).single();
    }

    /** Whether an account of this shop logs in with this email (the owner may be told: it is their own staff). */
    boolean ownAccountUses(long shop, String email) {
        return jdbc.sql("""
                        select exists (select 1 from account a
                                        where a.tenant_id = :shop and login_email(a.email) = login_email(:email))
                        """)
                .param("shop", shop).param("email", email).query(Boolean.class).single();
    }
}
