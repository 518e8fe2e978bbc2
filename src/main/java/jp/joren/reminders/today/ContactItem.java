package jp.joren.reminders.today;

import java.time.Instant;
import java.time.LocalDate;

import jp.joren.forecast.NextVisit;

/**
 * One line of today's list: a customer to contact, why ({@code reason}), and what about — the part and its
 * due day, the coupon and its last day, the days away against the customer's usual interval and their next
 * visit — and, once a clerk dealt with it today, what they did, who and when.
 */
public record ContactItem(long customerId, String name, String nameKana, String phone, String reason, String occasion,
        int days, Integer usualDays, String itemName, String itemCode, LocalDate itemDate, NextVisit nextVisit,
        String outcome, String note, LocalDate callAgainOn, String actedBy, Instant actedAt) {

    public boolean dealtWith() {
        return outcome != null;
    }
}
