package jp.joren.reminders.today;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a clerk did about an item of today's list. Today's row shows it to everyone at once (who, what, when);
 * the lasting record keeps the item off the lists of the nights to come — for good once done or called, until
 * a week from today for "not now", until the day to call again after a voicemail.
 */
@Repository
@RequiredArgsConstructor
class ContactOutcomes {

    static final int SNOOZE_DAYS = 7;

    private final JdbcClient jdbc;

    void record(long customerId, String reason, String occasion, String outcome, String note, LocalDate callAgainOn,
            long clerkId, LocalDate today, Instant now) {
        String kept = note == null || note.isBlank() ? null : note.strip();
        LocalDate backOn = switch (outcome) {
            case "NOT_NOW" -> today.plusDays(SNOOZE_DAYS);
            case "VOICEMAIL" -> callAgainOn;
            default -> null;
        };
        long shop = CurrentTenant.require();
        jdbc.sql("""
                        insert into contact_task (tenant_id, customer_id, reason, occasion, outcome, note, snoozed_until,
                                                  acted_by, acted_at)
                        values (:shop, :customer, :reason, :occasion, :outcome, :note, :backOn, :clerk, :now)
                        on conflict (tenant_id, customer_id, reason, occasion) do update
                           set outcome = excluded.outcome, note = excluded.note, snoozed_until = excluded.snoozed_until,
                               acted_by = excluded.acted_by, acted_at = excluded.acted_at""")
                .param("shop", shop).param("customer", customerId).param("reason", reason).param("occasion", occasion)
                .param("outcome", outcome).param("note", kept).param("backOn", backOn).param("clerk", clerkId)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                        update contact_item
                           set outcome = :outcome, note = :note, call_again_on = :callAgainOn, acted_by = :clerk, acted_at = :now
                         where tenant_id = :shop and customer_id = :customer and reason = :reason and occasion = :occasion""")
                .param("shop", shop).param("customer", customerId).param("reason", reason).param("occasion", occasion)
                .param("outcome", outcome).param("note", kept)
                .param("callAgainOn", "VOICEMAIL".equals(outcome) ? callAgainOn : null)
                .param("clerk", clerkId).param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }
}
