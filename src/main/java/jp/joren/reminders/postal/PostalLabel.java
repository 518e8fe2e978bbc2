package jp.joren.reminders.postal;

import java.time.LocalDate;

import jp.joren.reminders.rules.ReminderRule;
import jp.joren.shared.QrCodes;

/** One address label of the postal DM list: who, where, why, and the coupon to print when there is one. */
public record PostalLabel(long messageId, long customerId, String postalCode, String address, String name,
        ReminderRule rule, String couponCode, LocalDate couponValidUntil) {

    /** The coupon as a QR code the clerk's scanner reads at the counter (a data: URI), or null. */
    public String couponQr() {
        return couponCode == null ? null : QrCodes.dataUri(couponCode);
    }
}
