package jp.joren.reminders.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jp.joren.reminders.rules.ReminderRule;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The states an email goes through in the current shop's outbox while the sender works on it: claimed
 * (SENDING), handed over (its content about to go to the server), then SENT, UNCONFIRMED, back to QUEUED
 * or FAILED. Every change after the claim names the claim ({@code attempts}), so a sender that lost its
 * claim to the sweep changes nothing.
 */
@Repository
@RequiredArgsConstructor
public class OutboxClaims {

    /** A message this pass claimed; {@code attempt} is its claim's number. */
    record Claim(long id, int attempt) {
    }

    private final JdbcClient jdbc;

    /** Passes of one shop claim one after the other, so two of them never pick two messages of one customer. */
    void lockShop() {
        jdbc.sql("select pg_advisory_xact_lock(20261216, cast(:shop as integer))").param("shop", shop()).query().singleRow();
    }

    /**
     * Claims left by a sender that stopped (its node died): a message never handed over goes back to the
     * queue and is sent by this pass; one handed over may have reached the customer and is UNCONFIRMED.
     * {@code abandonedAfter} is longer than a live sender can wait for the server's answer.
     */
    int sweepAbandoned(Instant now, Duration abandonedAfter) {
        return jdbc.sql("""
                        update outbox_message
                           set status = case when handed_over_at is null then 'QUEUED' else 'UNCONFIRMED' end,
                               reason = case when handed_over_at is null then null else 'SENDER_STOPPED' end
                         where tenant_id = :shop and status = 'SENDING' and coalesce(handed_over_at, claimed_at) < :before""")
                .param("shop", shop())
                .param("before", utc(now.minus(abandonedAfter)))
                .update();
    }

    int holdBack(LocalDate today, Instant now, int capDays) {
        return holdBack("EMAIL", today, now, capDays);
    }

    /** The guards again for the due messages of {@code channel} (EMAIL or LINE). */
    int holdBack(String channel, LocalDate today, Instant now, int capDays) {
        return jdbc.sql(channel.equals("LINE") ? ClaimStatements.HOLD_BACK_LINE : ClaimStatements.HOLD_BACK)
                .param("channel", channel)
                .param("shop", shop()).param("today", today).param("now", utc(now)).param("capDays", capDays)
                .update();
    }

    /** Emails claimed within the last minute: what the shop's rate per minute has left. */
    int claimedWithinAMinute(Instant now) {
        return claimedWithinAMinute("EMAIL", now);
    }

    int claimedWithinAMinute(String channel, Instant now) {
        return jdbc.sql("""
                        select count(*) from outbox_message
                         where tenant_id = :shop and channel = :channel and status in ('SENT', 'SENDING', 'UNCONFIRMED')
                           and claimed_at > :since""")
                .param("shop", shop()).param("channel", channel).param("since", utc(now.minusSeconds(60)))
                .query(Integer.class).single();
    }

    List<Claim> claim(LocalDate today, Instant now, int limit) {
        return claim("EMAIL", today, now, limit);
    }

    List<Claim> claim(String channel, LocalDate today, Instant now, int limit) {
        return jdbc.sql(ClaimStatements.CLAIM)
                .param("channel", channel)
                .param("shop", shop()).param("now", utc(now)).param("today", today)
                .param("ruleOrder", Arrays.stream(ReminderRule.values()).map(Enum::name).toArray(String[]::new))
                .param("limit", limit)
                .query((rs, row) -> new Claim(rs.getLong("id"), rs.getInt("attempts")))
                .list();
    }

    /** Recorded (and committed) just before the message's content goes to the server; false when the claim is gone. */
    boolean handingOver(Claim claim, Instant now) {
        return jdbc.sql("""
                        update outbox_message set handed_over_at = :now
                         where tenant_id = :shop and id = :id and attempts = :attempt and status = 'SENDING'
                           and handed_over_at is null""")
                .param("shop", shop()).param("now", utc(now)).param("id", claim.id()).param("attempt", claim.attempt())
                .update() == 1;
    }

    void sent(Claim claim, Instant now) {
        jdbc.sql("""
                        update outbox_message set status = 'SENT', sent_at = :now, last_error = null
                         where tenant_id = :shop and id = :id and attempts = :attempt and status = 'SENDING'""")
                .param("shop", shop()).param("now", utc(now)).param("id", claim.id()).param("attempt", claim.attempt())
                .update();
    }

    /** The server may have it: never sent again, counted by the frequency cap, shown to the owner. */
    void unconfirmed(Claim claim, String error) {
        jdbc.sql("""
                        update outbox_message set status = 'UNCONFIRMED', reason = 'NO_ANSWER', last_error = :error
                         where tenant_id = :shop and id = :id and attempts = :attempt and status = 'SENDING'
                           and handed_over_at is not null""")
                .param("shop", shop()).param("error", error).param("id", claim.id()).param("attempt", claim.attempt())
                .update();
    }

    /**
     * The server surely does not have it: tried again after 2, 4, 8, 16 minutes; FAILED when the address
     * itself was refused ({@code permanent}) or after the last attempt.
     */
    void notDelivered(Claim claim, boolean permanent, int maxAttempts, Instant now, String error) {
        notDelivered(claim, permanent, maxAttempts, now, error, Duration.ZERO);
    }

    /** As above, but not tried again before {@code notBefore} from now (what a server's Retry-After asks). */
    void notDelivered(Claim claim, boolean permanent, int maxAttempts, Instant now, String error, Duration notBefore) {
        // the pause doubles with each attempt (2^attempts minutes), at least what the server asked; reckoned here,
        // since a distributed database (Citus) refuses time arithmetic on a column in an update
        Instant doubled = now.plus(Duration.ofMinutes(1L << Math.min(claim.attempt(), 30)));
        Instant asked = now.plus(notBefore);
        jdbc.sql("""
                        update outbox_message
                           set status = case when :permanent or attempts >= :maxAttempts then 'FAILED' else 'QUEUED' end,
                               reason = case when :permanent or attempts >= :maxAttempts then 'DELIVERY_FAILED' end,
                               next_attempt_at = :retryAt,
                               handed_over_at = null,
                               last_error = :error
                         where tenant_id = :shop and id = :id and attempts = :attempt and status = 'SENDING'""")
                .param("permanent", permanent)
                .param("maxAttempts", maxAttempts)
                .param("retryAt", utc(doubled.isAfter(asked) ? doubled : asked))
                .param("error", error)
                .param("shop", shop()).param("id", claim.id()).param("attempt", claim.attempt())
                .update();
    }

    private static long shop() {
        return CurrentTenant.require();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
