package jp.joren.reminders;

import java.io.Serializable;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the current shop's due emails from the outbox (DESIGN.md §7). A message is claimed (SENDING) and
 * committed before it is handed to the mail server, and only a message still QUEUED is ever claimed; so a
 * sender that dies after the server took a message and before marking it SENT leaves it SENDING, and it is
 * never sent again: the customer gets at most one copy. Such a message is later shown as unconfirmed.
 * A failure the server reports is tried again later with growing pauses, up to {@link #MAX_ATTEMPTS}.
 */
@Service
public class OutboxSender {

    static final int MAX_ATTEMPTS = 5;
    /** A claim older than this belongs to a sender that died: its message is not sent again. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);
    private static final int BATCH = 50;

    /**
     * The guards again at sending, for what changed since the night: a rule switched off, consent withdrawn,
     * an unsubscribe, the frequency cap (other promotions sent or being sent within the cap's days).
     */
    private static final String HOLD_BACK = """
            with due as (
                select m.id, m.customer_id, m.rule, m.promotional from outbox_message m
                 where m.status = 'QUEUED' and m.channel = 'EMAIL' and m.due_on <= :today
                   and (m.next_attempt_at is null or m.next_attempt_at <= :now)),
            verdict as (
                select d.id,
                       case when d.rule <> 'CAMPAIGN' and not coalesce(r.enabled, false) then 'RULE_OFF'
                            when not %s
                                 or coalesce(cu.email, '') = '' or cu.status <> 'ACTIVE' then 'NO_CONSENT'
                            when %s
                                 then 'UNSUBSCRIBED'
                            when d.promotional and exists (
                                     select 1 from outbox_message o
                                      where o.customer_id = d.customer_id and o.promotional and o.id <> d.id
                                        and ((o.status = 'SENT' and o.sent_at > cast(:now as timestamptz) - make_interval(days => :capDays))
                                             or o.status = 'SENDING'))
                                 then 'FREQUENCY_CAP'
                       end as reason
                  from due d
                  join customer cu on cu.id = d.customer_id
                  left join reminder_rule r on r.rule = d.rule)
            update outbox_message m set status = 'HELD', reason = v.reason
              from verdict v
             where m.id = v.id and v.reason is not null"""
            .formatted(Reachability.consents("d.customer_id", "EMAIL"), Reachability.unsubscribed("cu.email"));

    /**
     * One message per customer per batch, so the cap holds within a batch too; the rule order decides which.
     * The pick is materialized: a subquery with SKIP LOCKED that the planner scans again picks other rows.
     */
    private static final String CLAIM = """
            with picked as materialized (
                select id from outbox_message
                 where id in (select distinct on (customer_id) id from outbox_message
                               where status = 'QUEUED' and channel = 'EMAIL' and due_on <= :today
                                 and (next_attempt_at is null or next_attempt_at <= :now)
                               order by customer_id, array_position(cast(:ruleOrder as text[]), rule), id)
                 order by due_on, id
                 limit :limit
                   for update skip locked)
            update outbox_message m set status = 'SENDING', claimed_at = :now, attempts = m.attempts + 1
              from picked
             where m.id = picked.id
            returning m.id""";

    private final JdbcClient jdbc;
    private final OutboxQueries queries;
    private final JavaMailSender mail;
    private final Letters letters;
    private final LetterWriter writer;
    private final Wordings wordings;
    private final ReminderPolicies policies;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String defaultFrom;

    OutboxSender(JdbcClient jdbc, OutboxQueries queries, JavaMailSender mail, Letters letters, LetterWriter writer,
            Wordings wordings, ReminderPolicies policies, PlatformTransactionManager transactions, Clock clock,
            @Value("${joren.mail.from}") String defaultFrom) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.mail = mail;
        this.letters = letters;
        this.writer = writer;
        this.wordings = wordings;
        this.policies = policies;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.defaultFrom = defaultFrom;
    }

    /** What one pass did, for the owner's page (through the session: serializable) and the tests. */
    public record Delivery(int sent, int held, int retrying, int failed) implements Serializable {
    }

    /** One pass over the current shop's due email, within the shop's sending rate. */
    public Delivery sendDue() {
        Instant now = clock.instant();
        List<Long> claimed = new ArrayList<>();
        int held = transaction.execute(status -> {
            markAbandoned(now);
            ZoneId zone = ZoneId.of(jdbc.sql("select time_zone from shop").query(String.class).single());
            LocalDate today = LocalDate.ofInstant(now, zone);
            ReminderPolicy policy = policies.current();
            if (!queries.senderComplete()) {
                return 0;
            }
            int heldBack = jdbc.sql(HOLD_BACK)
                    .param("today", today).param("now", now.atOffset(ZoneOffset.UTC))
                    .param("capDays", policy.frequencyCapDays())
                    .update();
            int room = policy.emailsPerMinute() - jdbc.sql("""
                            select count(*) from outbox_message
                             where channel = 'EMAIL' and status in ('SENT', 'SENDING') and claimed_at > :since""")
                    .param("since", now.minusSeconds(60).atOffset(ZoneOffset.UTC)).query(Integer.class).single();
            if (room > 0) {
                claimed.addAll(jdbc.sql(CLAIM)
                        .param("now", now.atOffset(ZoneOffset.UTC)).param("today", today)
                        .param("ruleOrder", Arrays.stream(ReminderRule.values()).map(Enum::name)
                                .toArray(String[]::new))
                        .param("limit", room)
                        .query(Long.class).list());
            }
            return heldBack;
        });
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        for (int from = 0; from < claimed.size(); from += BATCH) {
            List<Long> batch = claimed.subList(from, Math.min(claimed.size(), from + BATCH));
            Outcome outcome = transaction.execute(status -> write(letters.all(batch), wordings.reader()));
            deliver(outcome);
            sent += outcome.sent().size();
            transaction.executeWithoutResult(status -> record(outcome, now));
            for (Map.Entry<Long, Exception> failure : outcome.failures().entrySet()) {
                if (permanent(failure.getValue())) {
                    failed++;
                } else {
                    retrying++;
                }
            }
        }
        return new Delivery(sent, held, retrying, failed);
    }

    /** Each letter of a batch written out as an email, or the reason it could not be. */
    private record Outcome(Map<MimeMessage, Long> written, List<Long> sent, Map<Long, Exception> failures) {
    }

    private Outcome write(List<Letter> batch, Function<Letter, RuleSettings> wording) {
        Map<MimeMessage, Long> written = new LinkedHashMap<>();
        Map<Long, Exception> failures = new LinkedHashMap<>();
        for (Letter letter : batch) {
            try {
                written.put(mimeMessage(letter, writer.write(letter, wording.apply(letter))), letter.messageId());
            } catch (MessagingException | RuntimeException e) {
                failures.put(letter.messageId(), e);
            }
        }
        return new Outcome(written, new ArrayList<>(), failures);
    }

    /** Hands a batch to the mail server over one connection; the server's answer is per message. */
    private void deliver(Outcome outcome) {
        Map<MimeMessage, Long> ids = outcome.written();
        if (ids.isEmpty()) {
            return;
        }
        List<Long> sent = outcome.sent();
        sent.addAll(ids.values());
        try {
            mail.send(ids.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                ids.values().forEach(id -> outcome.failures().put(id, e));
                sent.clear();
            }
            e.getFailedMessages().forEach((message, failure) -> {
                Long id = ids.get((MimeMessage) message);
                sent.remove(id);
                outcome.failures().put(id, failure);
            });
        } catch (MailException e) {
            ids.values().forEach(id -> outcome.failures().put(id, e));
            sent.clear();
        }
    }

    private MimeMessage mimeMessage(Letter letter, WrittenLetter written) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
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
        // RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the link
        message.setHeader("List-Unsubscribe", "<" + written.unsubscribeUrl() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("X-Joren-Message", String.valueOf(letter.messageId()));
        return message;
    }

    private void record(Outcome outcome, Instant now) {
        if (!outcome.sent().isEmpty()) {
            jdbc.sql("""
                            update outbox_message set status = 'SENT', sent_at = :now, last_error = null
                             where id = any(:ids) and status = 'SENDING'""")
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("ids", outcome.sent().toArray(Long[]::new))
                    .update();
        }
        outcome.failures().forEach((id, failure) -> {
            boolean permanent = permanent(failure);
            jdbc.sql("""
                            update outbox_message
                               set status = case when :permanent or attempts >= :maxAttempts then 'FAILED' else 'QUEUED' end,
                                   reason = case when :permanent or attempts >= :maxAttempts then 'DELIVERY_FAILED' end,
                                   next_attempt_at = cast(:now as timestamptz) + make_interval(mins => power(2, attempts)::int),
                                   last_error = :error
                             where id = :id and status = 'SENDING'""")
                    .param("permanent", permanent)
                    .param("maxAttempts", MAX_ATTEMPTS)
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .param("error", String.valueOf(failure.getMessage()))
                    .param("id", id)
                    .update();
        });
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

    /** A message left SENDING by a sender that died may have reached the customer: it is never sent again. */
    private void markAbandoned(Instant now) {
        jdbc.sql("""
                        update outbox_message set status = 'FAILED', reason = 'UNCONFIRMED'
                         where status = 'SENDING' and claimed_at < :before""")
                .param("before", now.minus(ABANDONED_AFTER).atOffset(ZoneOffset.UTC))
                .update();
    }
}
