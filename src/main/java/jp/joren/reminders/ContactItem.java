package jp.joren.reminders;

import java.time.LocalDate;

/**
 * One line of today's list: a customer to contact, why ({@code reason}), and what about — the part and its
 * due day, the coupon and its last day, the days away against the customer's usual interval.
 */
public record ContactItem(long customerId, String name, String nameKana, String phone, String reason, String occasion,
        int days, Integer usualDays, String itemName, String itemCode, LocalDate itemDate) {
}
