package jp.joren.reminders.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jp.joren.line.CouponQrImages;
import jp.joren.line.LineAccounts;
import jp.joren.line.LineCredentials;
import jp.joren.line.LineFriends;
import jp.joren.line.LineMessaging;
import jp.joren.line.PushResult;
import jp.joren.line.SendHours;
import jp.joren.reminders.ReminderPolicies;
import jp.joren.reminders.ReminderPolicy;
import jp.joren.reminders.coupons.CouponCodes;
import jp.joren.reminders.letters.Letter;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.letters.Wordings;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the current shop's due LINE messages from the outbox, at most once each, as {@link OutboxSender}
 * does email: the same guards again at sending (consent on LINE, the frequency cap across every channel, a
 * rule switched off), the same claim (SENDING, committed) and hand-over (committed just before the push), so
 * a sender that dies after pushing leaves the message UNCONFIRMED and never pushes it again.
 * <p>
 * Unlike SMTP, LINE's push takes an idempotency key (X-Line-Retry-Key, one per message): a push whose answer
 * was lost, a 429 or a 5xx is tried again later with the same key, and LINE delivers it at most once. Other
 * 4xx answers (a bad token, a user who cannot be reached) fail for good. Messages go out only within the
 * shop's LINE send hours; outside them they wait in the queue.
 */
@Service
public class LineOutboxSender {

    private static final String CHANNEL = "LINE";

    private final JdbcClient jdbc;
    private final OutboxClaims claims;
    private final Letters letters;
    private final LetterWriter writer;
    private final Wordings wordings;
    private final ReminderPolicies policies;
    private final LineAccounts accounts;
    private final LineFriends friends;
    private final LineMessaging messaging;
    private final CouponQrImages couponQr;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration abandonedAfter;

    /** Public for the LINE delivery benchmark, which hands it a LINE stand-in; the room itself is internal. */
    public LineOutboxSender(JdbcClient jdbc, OutboxClaims claims, Letters letters, LetterWriter writer, Wordings wordings,
            ReminderPolicies policies, LineAccounts accounts, LineFriends friends, LineMessaging messaging,
            CouponQrImages couponQr, PlatformTransactionManager transactions, Clock clock,
            @Value("${spring.mail.properties.mail.smtp.timeout}") long mailReadTimeoutMillis) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.letters = letters;
        this.writer = writer;
        this.wordings = wordings;
        this.policies = policies;
        this.accounts = accounts;
        this.friends = friends;
        this.messaging = messaging;
        this.couponQr = couponQr;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        // the sweep takes back any channel's stale claims: as long as the email sender's, which is the longer
        this.abandonedAfter = Duration.ofMillis(mailReadTimeoutMillis).plus(Duration.ofMinutes(5));
    }

    /** One pass over the current shop's due LINE messages, within its send hours and sending rate. */
    public OutboxSender.Delivery sendDue() {
        Instant now = clock.instant();
        int[] held = {0};
        Optional<LineCredentials> credentials = transaction.execute(status -> accounts.credentials());
        if (credentials.isEmpty()) {
            return new OutboxSender.Delivery(0, 0, 0, 0, 0);
        }
        SendHours hours = transaction.execute(status -> accounts.sendHours());
        List<OutboxClaims.Claim> claimed = transaction.execute(status -> {
            claims.lockShop();
            claims.sweepAbandoned(now, abandonedAfter);
            ZoneId zone = hours.zone();
            LocalDate today = LocalDate.ofInstant(now, zone);
            ReminderPolicy policy = policies.current();
            held[0] = claims.holdBack(CHANNEL, today, now, policy.frequencyCapDays());
            if (!hours.open(now)) {
                return List.<OutboxClaims.Claim>of();
            }
            int room = policy.emailsPerMinute() - claims.claimedWithinAMinute(CHANNEL, now);
            return room > 0 ? claims.claim(CHANNEL, today, now, room) : List.<OutboxClaims.Claim>of();
        });
        int[] tally = new int[4];
        for (Push push : transaction.execute(status -> write(claimed))) {
            tally[deliver(push, credentials.get()).ordinal()]++;
        }
        return new OutboxSender.Delivery(tally[Counted.SENT.ordinal()], held[0], tally[Counted.RETRYING.ordinal()],
                tally[Counted.FAILED.ordinal()], 0);
    }

    private enum Counted { SENT, RETRYING, FAILED, SKIPPED }

    /** A claimed letter written out as a LINE text to a LINE user (null when the customer has none any more). */
    private record Push(OutboxClaims.Claim claim, String to, String text, String image) {
    }

    private List<Push> write(List<OutboxClaims.Claim> claimed) {
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<Long, OutboxClaims.Claim> byId = new LinkedHashMap<>();
        claimed.forEach(claim -> byId.put(claim.id(), claim));
        List<Letter> all = letters.all(new ArrayList<>(byId.keySet()));
        Map<Long, String> users = friends.userIds(all.stream().map(Letter::customerId).toList());
        String slug = jdbc.sql("select slug from shop where id = :shop").param("shop", CurrentTenant.require())
                .query(String.class).single();
        Function<Letter, RuleSettings> wording = wordings.reader();
        List<Push> pushes = new ArrayList<>();
        for (Letter letter : all) {
            // a coupon comes with its QR code, for the clerk's scanner
            pushes.add(new Push(byId.get(letter.messageId()), users.get(letter.customerId()),
                    writer.lineText(letter, wording.apply(letter), slug),
                    letter.couponCode() == null ? null : couponQr.url(CouponCodes.display(letter.couponCode()))));
        }
        return pushes;
    }

    private Counted deliver(Push push, LineCredentials credentials) {
        OutboxClaims.Claim claim = push.claim();
        if (push.to() == null) {
            transaction.executeWithoutResult(status -> claims.notDelivered(claim, true, OutboxSender.MAX_ATTEMPTS,
                    clock.instant(), "The customer's LINE is no longer linked"));
            return Counted.FAILED;
        }
        if (!Boolean.TRUE.equals(transaction.execute(status -> claims.handingOver(claim, clock.instant())))) {
            // the claim was taken back (swept): another pass owns the message now
            return Counted.SKIPPED;
        }
        PushResult result = messaging.push(credentials, push.to(), push.text(), push.image(),
                LineMessaging.retryKey(CurrentTenant.require(), claim.id()));
        Instant now = clock.instant();
        return switch (result.outcome()) {
            case ACCEPTED -> {
                transaction.executeWithoutResult(status -> claims.sent(claim, now));
                yield Counted.SENT;
            }
            case TRY_AGAIN -> {
                Duration notBefore = result.retryAfter() == null ? Duration.ZERO : result.retryAfter();
                transaction.executeWithoutResult(status -> claims.notDelivered(claim, false, OutboxSender.MAX_ATTEMPTS,
                        now, result.detail(), notBefore));
                yield claim.attempt() >= OutboxSender.MAX_ATTEMPTS ? Counted.FAILED : Counted.RETRYING;
            }
            case REFUSED -> {
                transaction.executeWithoutResult(status -> claims.notDelivered(claim, true, OutboxSender.MAX_ATTEMPTS,
                        now, result.detail()));
                yield Counted.FAILED;
            }
        };
    }
}
