package jp.joren.reminders;

import java.time.LocalDate;

/** One address label of the postal DM list: who, where, why, and the coupon to print when there is one. */
public record PostalLabel(long messageId, long customerId, String postalCode, String address, String name,
        ReminderRule rule, String couponCode, LocalDate couponValidUntil) {
}
