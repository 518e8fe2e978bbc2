package jp.joren.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: too many failed logins for one email, or from one client address, within the
 * window refuse further attempts until the window has passed. Kept in the database so that every app
 * node sees the same count.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final int maxFailuresPerEmail;
    private final int maxFailuresPerAddress;
    private final Duration window;

    LoginThrottle(JdbcClient jdbc,
            @Value("${joren.login.max-failures-per-email}") int maxFailuresPerEmail,
            @Value("${joren.login.max-failures-per-address}") int maxFailuresPerAddress,
            @Value("${joren.login.failure-window}") Duration window) {
        this.jdbc = jdbc;
        this.maxFailuresPerEmail = maxFailuresPerEmail;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
    }

    boolean isThrottled(String email, String clientAddress) {
        return jdbc.sql("""
                        select (select count(*) from login_failure where email_hash = :email and failed_at > :since) >= :perEmail
                            or (select count(*) from login_failure where client_address = :address and failed_at > :since) >= :perAddress
                        """)
                .param("email", key(email))
                .param("address", clientAddress)
                .param("since", Timestamp.from(Instant.now().minus(window)))
                .param("perEmail", maxFailuresPerEmail)
                .param("perAddress", maxFailuresPerAddress)
                .query(Boolean.class).single();
    }

    void recordFailure(String email, String clientAddress) {
        Timestamp expired = Timestamp.from(Instant.now().minus(window.multipliedBy(2)));
        jdbc.sql("delete from login_failure where (email_hash = ? or client_address = ?) and failed_at < ?")
                .params(key(email), clientAddress, expired).update();
        jdbc.sql("insert into login_failure (email_hash, client_address) values (?, ?)")
                .params(key(email), clientAddress).update();
    }

    void forgetFailures(String email) {
        jdbc.sql("delete from login_failure where email_hash = ?").param(key(email)).update();
    }

    private static String key(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
