package jp.joren.reminders.letters;

import java.time.LocalDate;

import jp.joren.reminders.Offer;
import jp.joren.reminders.rules.ReminderRule;

/**
 * Everything one outbox message says, read from the database: the customer, what the rule names for them
 * (their model and its part, a consumable), their coupon, and the shop that signs it.
 */
public record Letter(long messageId, ReminderRule rule, Long campaignId, String channel, String status, String reason, LocalDate dueOn,
        long customerId, String customerName, String email, String postalCode, String address,
        String productName, String partNumber, Long productPrice, String modelName, String modelNumber,
        String couponCode, Offer offer, LocalDate couponValidUntil, String unsubscribeToken, Sender sender) {

    /**
     * The same letter for someone other than its customer (the owner's test send): a customer's unsubscribe
     * link must never reach anyone else, so it is written with the test page's link instead.
     */
    Letter withoutUnsubscribeToken() {
        return new Letter(messageId, rule, campaignId, channel, status, reason, dueOn, customerId, customerName, email,
                postalCode, address, productName, partNumber, productPrice, modelName, modelNumber, couponCode, offer,
                couponValidUntil, null, sender);
    }

    /** Who signs a promotional email: 特定電子メール法 wants the name, a postal address and a contact. */
    public record Sender(String shopName, String name, String postalAddress, String email, String phone) {

        /** The sender name the shop set, else the shop's name. */
        public String signature() {
            return blank(name) ? shopName : name;
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }
}
