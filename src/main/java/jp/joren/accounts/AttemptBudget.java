package jp.joren.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many attempts at something guessable (a login, a reset request, a sign-up) one email or one client
 * address may make within a window. An attempt is counted in the same statement that reads the count, so
 * parallel attempts can never all find budget left. Emails are keyed by the SHA-256 of the database's
 * {@code login_email()}, the one canonical spelling that also finds the account. Kept in the database so
 * that every app node sees the same count.
 */
@Component
@RequiredArgsConstructor
public class AttemptBudget {

    private static final String EMAIL_SUBJECT =
            ":purpose || ':email:' || encode(sha256(convert_to(login_email(:email), 'UTF8')), 'hex')";
    private static final String KEY_SUBJECT = ":purpose || ':' || :key";

    private final JdbcClient jdbc;
    private final Clock clock;

    /** Counts an attempt for this email; true while it is within {@code limit} attempts of its window. */
    public boolean spendOnEmail(String purpose, String email, int limit, Duration window) {
        return spend(EMAIL_SUBJECT, purpose, email, null, limit, window);
    }

    /**
     * Counts an attempt by whatever {@code key} names (a client address, a shop); true while it is within
     * {@code limit} attempts of its window.
     */
    public boolean spend(String purpose, String key, int limit, Duration window) {
        return spend(KEY_SUBJECT, purpose, null, key, limit, window);
    }

    /** A success wipes the email's slate: the person who knows the password is not the guesser. */
    void forgetEmail(String purpose, String email) {
        jdbc.sql("delete from attempt_budget where subject = " + EMAIL_SUBJECT)
                .param("purpose", purpose).param("email", email).update();
    }

    /** A success gives its attempt back, so an office of clerks behind one address never locks itself out. */
    void refund(String purpose, String key) {
        jdbc.sql("update attempt_budget set attempts = greatest(attempts - 1, 0) where subject = " + KEY_SUBJECT)
                .param("purpose", purpose).param("key", key).update();
    }

    private boolean spend(String subject, String purpose, @Nullable String email, @Nullable String key, int limit,
            Duration window) {
        Instant now = clock.instant();
        int attempts = jdbc.sql("""
                        insert into attempt_budget as b (subject, window_started_at, attempts)
                        values (%s, :now, 1)
                        on conflict (subject) do update
                           set attempts = case when b.window_started_at > :since then b.attempts + 1 else 1 end,
                               window_started_at = case when b.window_started_at > :since then b.window_started_at
                                                        else excluded.window_started_at end
                        returning attempts
                        """.formatted(subject))
                .param("purpose", purpose).param("email", email).param("key", key)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("since", now.minus(window).atOffset(ZoneOffset.UTC))
                .query(Integer.class).single();
        if (attempts == 1) {
            // a window starts: a good moment to drop the windows that ended long ago
            jdbc.sql("delete from attempt_budget where window_started_at < ?")
                    .param(now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)).update();
        }
        return attempts <= limit;
    }
}
