package jp.joren.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One generated purchase. {@code customerSlot} is the customer's position in its chunk, -1 for a shopper
 * who did not give a name.
 */
record Receipt(int customerSlot, boolean atBranch, ShopTeam.Clerk clerk, OffsetDateTime purchasedAt, String channel,
        String status, List<Line> lines) {

    /** {@code model} is set when the product is a durable model: the buyer then owns one. */
    record Line(Catalog.Product product, Catalog.Model model, int quantity, long discount) {

        long amount() {
            return product.price() * quantity - discount;
        }
    }

    long total() {
        return lines.stream().mapToLong(Line::amount).sum();
    }

    LocalDate businessDate() {
        return purchasedAt.atZoneSameInstant(ShopCalendar.ZONE).toLocalDate();
    }
}
