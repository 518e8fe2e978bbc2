package jp.joren.reminders.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jp.joren.reminders.ReminderPolicies;
import jp.joren.reminders.ReminderPolicy;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the current shop's due emails from the outbox (DESIGN.md §7), at most once each. A message is
 * claimed (SENDING) and committed before the pass sends anything; just before its own content goes to the
 * mail server its hand-over is committed too. So whatever stops the sender, each claimed message is either
 * surely not at the server (never handed over: it goes back to the queue) or perhaps there (handed over, no
 * answer: UNCONFIRMED, never sent again, and counted by the frequency cap like a sent one). A failure the
 * server reports before it has the message is tried again later with growing pauses, up to
 * {@link #MAX_ATTEMPTS}.
 */
@Service
public class OutboxSender {

    static final int MAX_ATTEMPTS = 5;
    /** Beyond the server's answer to the end of a message (the read timeout): time to write the message. */
    private static final Duration WRITING = Duration.ofMinutes(5);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final OutboxQueries queries;
    private final OutboxClaims claims;
    private final JavaMailSenderImpl mail;
    private final OutboxEmails emails;
    private final ReminderPolicies policies;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration abandonedAfter;

    OutboxSender(JdbcClient jdbc, OutboxQueries queries, OutboxClaims claims, JavaMailSenderImpl mail,
            OutboxEmails emails, ReminderPolicies policies, PlatformTransactionManager transactions, Clock clock,
            @Value("${spring.mail.properties.mail.smtp.timeout}") long readTimeoutMillis) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.claims = claims;
        this.mail = mail;
        this.emails = emails;
        this.policies = policies;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        // a claim older than this belongs to a sender that stopped: a live one would have had its answer
        this.abandonedAfter = Duration.ofMillis(readTimeoutMillis).plus(WRITING);
    }

    /** What one pass did, for the owner's page and the tests. */
    public record Delivery(int sent, int held, int retrying, int failed, int unconfirmed) {

        /** Two passes together (email and LINE). */
        public Delivery plus(Delivery other) {
            return new Delivery(sent + other.sent, held + other.held, retrying + other.retrying,
                    failed + other.failed, unconfirmed + other.unconfirmed);
        }
    }

    /** One pass over the current shop's due email, within the shop's sending rate. */
    public Delivery sendDue() {
        Instant now = clock.instant();
        int[] held = {0};
        List<OutboxClaims.Claim> claimed = transaction.execute(status -> {
            claims.lockShop();
            claims.sweepAbandoned(now, abandonedAfter);
            if (!queries.senderComplete()) {
                return List.of();
            }
            ZoneId zone = ZoneId.of(jdbc.sql("select time_zone from shop where id = :shop")
                    .param("shop", CurrentTenant.require()).query(String.class).single());
            LocalDate today = LocalDate.ofInstant(now, zone);
            ReminderPolicy policy = policies.current();
            held[0] = claims.holdBack(today, now, policy.frequencyCapDays());
            int room = policy.emailsPerMinute() - claims.claimedWithinAMinute(now);
            return room > 0 ? claims.claim(today, now, room) : List.<OutboxClaims.Claim>of();
        });
        Tally tally = new Tally();
        try (SmtpHandOver smtp = new SmtpHandOver(mail)) {
            for (int from = 0; from < claimed.size(); from += BATCH) {
                List<OutboxClaims.Claim> batch = claimed.subList(from, Math.min(claimed.size(), from + BATCH));
                for (OutboxEmails.Written written : transaction.execute(status -> emails.write(batch, smtp))) {
                    tally.count(deliver(written, smtp, tally));
                }
            }
        }
        return new Delivery(tally.sent, held[0], tally.retrying, tally.failed, tally.unconfirmed);
    }

    /** The pass's outcomes so far; once the connection to the server is lost, the rest of the pass waits. */
    private static final class Tally {
        int sent;
        int retrying;
        int failed;
        int unconfirmed;
        Exception connectionLost;

        void count(Counted counted) {
            switch (counted) {
                case SENT -> sent++;
                case RETRYING -> retrying++;
                case FAILED -> failed++;
                case UNCONFIRMED -> unconfirmed++;
            }
        }
    }

    private enum Counted { SENT, RETRYING, FAILED, UNCONFIRMED }

    /** Hands one email to the server (or records why it could not be) and records the outcome at once. */
    private Counted deliver(OutboxEmails.Written written, SmtpHandOver smtp, Tally tally) {
        OutboxClaims.Claim claim = written.claim();
        if (written.problem() != null) {
            return notDelivered(claim, written.problem());
        }
        if (tally.connectionLost != null) {
            return notDelivered(claim, tally.connectionLost);
        }
        SmtpHandOver.Outcome outcome = smtp.send(written.email());
        if (outcome.failure() != null && !smtp.connected()) {
            // a server that timed out or hung up would make every further message wait as long
            tally.connectionLost = outcome.failure();
        }
        return switch (outcome.result()) {
            case SENT -> {
                transaction.executeWithoutResult(status -> claims.sent(claim, clock.instant()));
                yield Counted.SENT;
            }
            case UNCONFIRMED -> {
                transaction.executeWithoutResult(status -> claims.unconfirmed(claim, MailFailures.describe(outcome.failure())));
                yield Counted.UNCONFIRMED;
            }
            case NOT_DELIVERED -> notDelivered(claim, outcome.failure());
        };
    }

    private Counted notDelivered(OutboxClaims.Claim claim, Exception failure) {
        boolean permanent = MailFailures.permanent(failure);
        transaction.executeWithoutResult(status ->
                claims.notDelivered(claim, permanent, MAX_ATTEMPTS, clock.instant(), MailFailures.describe(failure)));
        return permanent || claim.attempt() >= MAX_ATTEMPTS ? Counted.FAILED : Counted.RETRYING;
    }
}
