package jp.joren.purchases;

import java.util.List;
import java.util.Optional;

import jp.joren.catalog.ProductChoice;
import jp.joren.shared.SaleLimits;

/**
 * One line of a sale priced, or refused beside its fields: a known, active product; a quantity, price and
 * discount within what a till takes; a department's price typed, never a silent ¥0. An empty price is the
 * catalog's.
 */
final class LinePrices {

    /** What purchase_line.note holds. */
    private static final int LINE_NOTE_LENGTH = 100;

    private LinePrices() {
    }

    static Optional<PricedLine> price(PurchaseDraft.Line line, Optional<ProductChoice> product,
            List<PurchaseProblem> problems) {
        String path = "lines[" + line.position() + "].";
        int problemsBefore = problems.size();
        if (line.code().isBlank()) {
            problems.add(new PurchaseProblem(path + "code", "purchase.validation.code"));
        } else if (product.isEmpty()) {
            problems.add(new PurchaseProblem(path + "code", "purchase.validation.unknownCode"));
        } else if (!product.get().active()) {
            problems.add(new PurchaseProblem(path + "code", "purchase.validation.inactiveProduct"));
        }
        if (line.quantity() < 1 || line.quantity() > SaleLimits.MAX_QUANTITY) {
            problems.add(new PurchaseProblem(path + "quantity", "purchase.validation.quantity"));
        }
        Long unitPrice = line.unitPrice() != null ? line.unitPrice() : product.map(ProductChoice::price).orElse(null);
        if (line.unitPrice() == null && product.filter(ProductChoice::department).filter(p -> p.price() == 0).isPresent()) {
            // a department with no default price: the amount is what the clerk types, never a silent ¥0
            problems.add(new PurchaseProblem(path + "unitPrice", "purchase.validation.departmentPrice"));
        } else if (unitPrice == null || unitPrice < 0 || unitPrice > SaleLimits.MAX_AMOUNT) {
            problems.add(new PurchaseProblem(path + "unitPrice", "purchase.validation.price"));
        }
        if (line.note() != null && line.note().length() > LINE_NOTE_LENGTH) {
            problems.add(new PurchaseProblem(path + "note", "purchase.validation.lineNote"));
        }
        if (line.discount() < 0 || line.discount() > SaleLimits.MAX_AMOUNT) {
            problems.add(new PurchaseProblem(path + "discount", "purchase.validation.discount"));
        }
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        PricedLine priced = new PricedLine(product.get(), line.quantity(), unitPrice, line.discount(), line.note());
        if (priced.amount() < 0) {
            problems.add(new PurchaseProblem(path + "discount", "purchase.validation.discountTooLarge"));
            return Optional.empty();
        }
        return Optional.of(priced);
    }
}
