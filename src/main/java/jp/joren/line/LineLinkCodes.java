package jp.joren.line;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time link codes of the current shop. A code is 8 characters from an alphabet without look-alikes
 * (about 40 bits: guessing one of a shop's few live codes by sending messages is hopeless), valid for a day
 * and used once.
 */
@Service
@RequiredArgsConstructor
public class LineLinkCodes {

    static final Duration VALID_FOR = Duration.ofHours(24);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    /** A new code for the customer (an earlier one stays valid until it expires). */
    @Transactional
    public LinkCode issue(long customerId) {
        Instant now = clock.instant();
        LinkCode code = new LinkCode(randomCode(), now.plus(VALID_FOR));
        jdbc.sql("""
                        insert into line_link_code (tenant_id, customer_id, code, created_at, expires_at)
                        values (:shop, :customer, :code, :now, :expires)""")
                .param("shop", shop()).param("customer", customerId).param("code", code.code())
                .param("now", utc(now)).param("expires", utc(code.expiresAt()))
                .update();
        return code;
    }

    /** A new code for a customer who just signed up on the public page, when the shop has LINE. */
    @Transactional
    public Optional<LinkCode> issueIfConnected(long customerId) {
        boolean connected = jdbc.sql("select exists (select 1 from line_account where tenant_id = :shop)")
                .param("shop", shop()).query(Boolean.class).single();
        return connected ? Optional.of(issue(customerId)) : Optional.empty();
    }

    /** The customer's newest code still unused and valid. */
    @Transactional(readOnly = true)
    public Optional<LinkCode> current(long customerId) {
        return jdbc.sql("""
                        select code, expires_at from line_link_code
                         where tenant_id = :shop and customer_id = :customer and used_at is null and expires_at > :now
                         order by created_at desc, id desc limit 1""")
                .param("shop", shop()).param("customer", customerId).param("now", utc(clock.instant()))
                .query((rs, row) -> new LinkCode(rs.getString("code"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * Uses the code a customer sent, when it is one of this shop's, unused and unexpired; @return its customer.
     * Spaces, hyphens and lower case the customer may have typed are forgiven.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Long> use(String text, Instant now) {
        String code = normalise(text);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update line_link_code set used_at = :now
                         where tenant_id = :shop and code = :code and used_at is null and expires_at > :now
                        returning customer_id""")
                .param("now", utc(now)).param("shop", shop()).param("code", code)
                .query(Long.class).optional();
    }

    static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\-ー－]", "").toUpperCase(Locale.ROOT);
    }

    private static String randomCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static long shop() {
        return CurrentTenant.require();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
