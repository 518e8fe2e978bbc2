package jp.joren.reminders;

import java.time.Instant;
import java.time.LocalDate;

/** One message as the owner's outbox list shows it. */
public record OutboxRow(long id, long customerId, String customerName, ReminderRule rule, String occasion,
        String channel, String status, String reason, LocalDate dueOn, Instant sentAt, String couponCode,
        String lastError) {
}
