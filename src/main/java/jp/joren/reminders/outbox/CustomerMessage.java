package jp.joren.reminders.outbox;

import java.time.Instant;
import java.time.LocalDate;

import jp.joren.reminders.rules.ReminderRule;

/** A message to one customer, as their page lists it: what, by which way, what became of it, and its coupon. */
public record CustomerMessage(long id, ReminderRule rule, String campaignName, String channel, String status,
        String reason, LocalDate dueOn, Instant sentAt, String couponCode, LocalDate couponValidUntil,
        boolean couponRedeemed) {
}
