package jp.joren.reminders.outbox;

import java.time.Instant;
import java.time.LocalDate;

import jp.joren.reminders.rules.ReminderRule;

/** One message as the owner's outbox list shows it. */
public record OutboxRow(long id, long customerId, String customerName, ReminderRule rule, String occasion,
        String channel, String status, String reason, LocalDate dueOn, Instant sentAt, String couponCode,
        String lastError) {
}
