package jp.joren.reminders.postal;

import java.time.LocalDate;
import java.util.List;

/**
 * One はがき of the postal DM list: the message side (the rule's or campaign's wording written for the
 * customer, the coupon and its QR code) and the address side (郵便番号, 住所, 氏名, and the shop as 差出人).
 */
public record Postcard(long messageId, String postalCode, String address, String name, String subject, String message,
        String couponCode, LocalDate couponValidUntil, String couponQrCode, String senderName, String senderAddress) {

    /** The postcode's seven digits, one per printed box (a hyphen, or full-width digits, typed at the counter, aside). */
    public List<String> postalDigits() {
        return postalCode.codePoints().filter(Character::isDigit)
                .mapToObj(digit -> String.valueOf(Character.digit(digit, 10))).limit(7).toList();
    }
}
