package jp.joren.join;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jp.joren.customers.ConsentChannel;
import jp.joren.customers.ConsentLedger;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links that confirm a pending email consent: valid for 7 days and once; only their hash is kept. Opening
 * one shows whether it can still confirm, and its button confirms it.
 */
@Service
@RequiredArgsConstructor
class EmailConfirmations {

    static final Duration LINK_VALIDITY = Duration.ofDays(7);

    private static final SecureRandom RANDOM = new SecureRandom();

    enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, UNKNOWN }

    private final JdbcClient jdbc;
    private final ConsentLedger consents;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** A new link for {@code email}, confirming the customer's pending email consent; returns its token. */
    String issue(long customerId, String email) {
        String token = newToken();
        jdbc.sql("""
                        insert into join_confirmation (tenant_id, customer_id, token_hash, email, expires_at)
                        values (app_current_tenant(), :customer, :hash, :email, :expires)
                        """)
                .param("customer", customerId).param("hash", hash(token)).param("email", email)
                .param("expires", clock.instant().plus(LINK_VALIDITY).atOffset(ZoneOffset.UTC))
                .update();
        return token;
    }

    /** Whether the link can still confirm, without changing anything (the page the link opens). */
    @Transactional(readOnly = true)
    Confirmation check(String token) {
        return jdbc.sql("select confirmed_at, expires_at from join_confirmation where tenant_id = ? and token_hash = ?")
                .params(CurrentTenant.require(), hash(token))
                .query((rs, row) -> rs.getTimestamp("confirmed_at") != null ? Confirmation.ALREADY_CONFIRMED
                        : rs.getTimestamp("expires_at").toInstant().isBefore(clock.instant()) ? Confirmation.EXPIRED
                        : Confirmation.CONFIRMED)
                .optional().orElse(Confirmation.UNKNOWN);
    }

    /** Confirms once: appends the granted email consent to the ledger. */
    @Transactional
    Confirmation confirm(String token, String clientAddress) {
        Confirmation state = check(token);
        if (state != Confirmation.CONFIRMED) {
            return state;
        }
        Optional<Long> customer = jdbc.sql("""
                        update join_confirmation set confirmed_at = :now
                         where tenant_id = :shop and token_hash = :hash and confirmed_at is null and expires_at > :now
                        returning customer_id
                        """)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("shop", CurrentTenant.require())
                .param("hash", hash(token)).query(Long.class).optional();
        if (customer.isEmpty()) {
            return Confirmation.ALREADY_CONFIRMED;
        }
        consents.recordByCustomer(customer.get(), ConsentChannel.EMAIL, true, false, "PUBLIC_PAGE_CONFIRMED", PublicSignup.WORDING,
                clientAddress);
        events.publishEvent(new EmailConsentConfirmed(customer.get()));
        return Confirmation.CONFIRMED;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
