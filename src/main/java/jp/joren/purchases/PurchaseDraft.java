package jp.joren.purchases;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A sale as the clerk rang it up, its numbers already read (full-width digits, ¥ and commas are the form's
 * business): what the counter hands {@link PurchaseBook}. Nothing in it is checked yet against the catalog, the
 * stores or the coupons; {@link PurchaseChecks} does that. {@code purchasedAt} is the shop's local time; a
 * missing value is one the clerk left empty.
 */
record PurchaseDraft(Long customerId, Long storeId, LocalDateTime purchasedAt, PurchaseChannel channel,
                     List<Line> lines, String staffNote, UUID clientKey, String couponCode) {

    /**
     * A line the clerk filled, at its {@code position} on the screen (where its problems are shown). A missing
     * unit price is the catalog's.
     */
    record Line(int position, String code, int quantity, Long unitPrice, long discount, String note) {
    }
}
