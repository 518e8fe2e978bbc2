package jp.joren.purchases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A purchase that passed every check, ready to be written; {@code couponId} the coupon it redeems, if any, and
 * {@code couponDiscount} what that coupon took off (already in the lines).
 */
record CheckedPurchase(Long customerId, long storeId, Instant purchasedAt, LocalDate businessDate,
                       PurchaseChannel channel, List<PricedLine> lines, String staffNote, UUID clientKey, Long couponId,
                       long couponDiscount) {

    long total() {
        return lines.stream().mapToLong(PricedLine::amount).sum();
    }
}
