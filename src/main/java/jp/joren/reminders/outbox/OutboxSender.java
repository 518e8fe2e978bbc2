package jp.joren.reminders.outbox;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.joren.reminders.ReminderPolicies;
import jp.joren.reminders.ReminderPolicy;
import jp.joren.reminders.coupons.CouponCodes;
import jp.joren.reminders.letters.Letter;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.letters.Wordings;
import jp.joren.reminders.letters.WrittenLetter;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.shared.MailProperties;
import jp.joren.shared.QrCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
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

    /** The content id by which the mail's HTML shows the coupon's QR code. */
    private static final String COUPON_QR = "coupon-qr";

    static final int MAX_ATTEMPTS = 5;
    /** Beyond the server's answer to the end of a message (the read timeout): time to write the message. */
    private static final Duration WRITING = Duration.ofMinutes(5);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final OutboxQueries queries;
    private final OutboxClaims claims;
    private final JavaMailSenderImpl mail;
    private final Letters letters;
    private final LetterWriter writer;
    private final Wordings wordings;
    private final ReminderPolicies policies;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String defaultFrom;
    private final Duration abandonedAfter;

    OutboxSender(JdbcClient jdbc, OutboxQueries queries, OutboxClaims claims, JavaMailSenderImpl mail, Letters letters,
            LetterWriter writer, Wordings wordings, ReminderPolicies policies, PlatformTransactionManager transactions,
            Clock clock, MailProperties mailProperties,
            @Value("${spring.mail.properties.mail.smtp.timeout}") long readTimeoutMillis) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.claims = claims;
        this.mail = mail;
        this.letters = letters;
        this.writer = writer;
        this.wordings = wordings;
        this.policies = policies;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.defaultFrom = mailProperties.from();
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
            ZoneId zone = ZoneId.of(jdbc.sql("select time_zone from shop").query(String.class).single());
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
                for (Written written : transaction.execute(status -> write(batch, smtp))) {
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

    /** A claimed letter written out as an email, or the reason it could not be. */
    private record Written(OutboxClaims.Claim claim, MimeMessage email, Exception problem) {
    }

    private List<Written> write(List<OutboxClaims.Claim> batch, SmtpHandOver smtp) {
        Map<Long, OutboxClaims.Claim> byId = new LinkedHashMap<>();
        batch.forEach(claim -> byId.put(claim.id(), claim));
        List<Written> written = new ArrayList<>();
        Function<Letter, RuleSettings> wording = wordings.reader();
        for (Letter letter : letters.all(new ArrayList<>(byId.keySet()))) {
            OutboxClaims.Claim claim = byId.get(letter.messageId());
            try {
                written.add(new Written(claim, email(letter, writer.write(letter, wording.apply(letter)), smtp, claim), null));
            } catch (MessagingException | RuntimeException e) {
                written.add(new Written(claim, null, e));
            }
        }
        return written;
    }

    /** Hands one email to the server (or records why it could not be) and records the outcome at once. */
    private Counted deliver(Written written, SmtpHandOver smtp, Tally tally) {
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
                transaction.executeWithoutResult(status -> claims.unconfirmed(claim, describe(outcome.failure())));
                yield Counted.UNCONFIRMED;
            }
            case NOT_DELIVERED -> notDelivered(claim, outcome.failure());
        };
    }

    private Counted notDelivered(OutboxClaims.Claim claim, Exception failure) {
        boolean permanent = permanent(failure);
        transaction.executeWithoutResult(status ->
                claims.notDelivered(claim, permanent, MAX_ATTEMPTS, clock.instant(), describe(failure)));
        return permanent || claim.attempt() >= MAX_ATTEMPTS ? Counted.FAILED : Counted.RETRYING;
    }

    private MimeMessage email(Letter letter, WrittenLetter written, SmtpHandOver smtp, OutboxClaims.Claim claim)
            throws MessagingException {
        MimeMessage message = smtp.newMessage(() -> Boolean.TRUE.equals(
                transaction.execute(status -> claims.handingOver(claim, clock.instant()))));
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        Letter.Sender sender = letter.sender();
        String from = sender.email() == null || sender.email().isBlank() ? defaultFrom : sender.email();
        try {
            helper.setFrom(new InternetAddress(from, sender.signature(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        helper.setTo(letter.email());
        helper.setSubject(written.subject());
        helper.setText(written.text(), written.html());
        if (letter.couponCode() != null) {
            // what the HTML's cid:coupon-qr shows: scanned at the counter, it applies the coupon in one step
            helper.addInline(COUPON_QR, new ByteArrayResource(QrCodes.png(CouponCodes.display(letter.couponCode()))),
                    "image/png");
        }
        // RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the link
        message.setHeader("List-Unsubscribe", "<" + written.unsubscribeUrl() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("X-Joren-Message", String.valueOf(letter.messageId()));
        return message;
    }

    private static String describe(Exception failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(": ").append(cause.getClass().getSimpleName()).append(' ').append(cause.getMessage());
        }
        return text.toString();
    }

    /** The server refused the address itself (5xx): trying again would not help. */
    private static boolean permanent(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (cause instanceof AddressException) {
                return true;
            }
        }
        return false;
    }
}
