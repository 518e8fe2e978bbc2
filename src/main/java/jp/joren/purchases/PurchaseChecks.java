package jp.joren.purchases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.joren.catalog.CatalogQueries;
import jp.joren.catalog.ProductChoice;
import jp.joren.customers.CustomerRegistry;
import jp.joren.reminders.Coupons;
import jp.joren.shared.SaleLimits;
import jp.joren.shops.ShopSettings;
import jp.joren.shops.Store;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a sale as rung up into a purchase that can be written, or into problems beside the fields:
 * unknown or inactive product codes, quantities, prices and discounts, a store that is closed, a sale in
 * the future. A blank unit price takes the catalog's price.
 */
@Component
@RequiredArgsConstructor
class PurchaseChecks {

    /** A clock a little fast at the till is not a sale in the future. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

    private final CatalogQueries catalog;
    private final CustomerRegistry customers;
    private final ShopSettings shop;
    private final Clock clock;
    private final Coupons coupons;

    /** A sale that passed (its problems empty), or the problems that keep it from being written. */
    record Outcome(CheckedPurchase purchase, List<PurchaseProblem> problems) {

        static Outcome refused(List<PurchaseProblem> problems) {
            return new Outcome(null, List.copyOf(problems));
        }

        boolean passed() {
            return purchase != null;
        }
    }

    /** One read-only transaction for every check, so a busy counter pays for one round of begin and commit. */
    @Transactional(readOnly = true)
    public Outcome check(PurchaseDraft draft) {
        List<PurchaseProblem> problems = new ArrayList<>();
        Instant purchasedAt = whoWhereWhen(draft, problems);
        List<PricedLine> lines = price(draft, problems);
        if (problems.isEmpty()) {
            checkTotals(lines, problems);
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        Long couponId = null;
        long couponDiscount = 0;
        if (!draft.couponCode().isBlank()) {
            long before = lines.stream().mapToLong(PricedLine::amount).sum();
            Optional<Coupons.Coupon> coupon = applyCoupon(draft, lines, problems);
            if (coupon.isEmpty()) {
                return Outcome.refused(problems);
            }
            couponId = coupon.get().id();
            couponDiscount = before - lines.stream().mapToLong(PricedLine::amount).sum();
        }
        return new Outcome(new CheckedPurchase(draft.customerId(), draft.storeId(), purchasedAt,
                draft.purchasedAt().toLocalDate(), draft.channel(), lines, draft.staffNote(), draft.clientKey(),
                couponId, couponDiscount), List.of());
    }

    /** The customer, the store, the channel and the time of the sale; the time as an instant when it has one. */
    private Instant whoWhereWhen(PurchaseDraft draft, List<PurchaseProblem> problems) {
        if (draft.customerId() != null && !customers.canBuy(draft.customerId())) {
            problems.add(new PurchaseProblem("customerId", "purchase.validation.customer"));
        }
        if (draft.storeId() == null) {
            problems.add(new PurchaseProblem("storeId", "validation.required"));
        } else if (!shop.storeIsOpen(draft.storeId())) {
            problems.add(new PurchaseProblem("storeId", "purchase.validation.store"));
        }
        if (draft.channel() == null) {
            problems.add(new PurchaseProblem("channel", "validation.required"));
        }
        if (draft.purchasedAt() == null) {
            problems.add(new PurchaseProblem("purchasedAt", "purchase.validation.dateTime"));
            return null;
        }
        Instant purchasedAt = draft.purchasedAt().atZone(shop.zone()).toInstant();
        if (purchasedAt.isAfter(clock.instant().plus(CLOCK_SLACK))) {
            problems.add(new PurchaseProblem("purchasedAt", "purchase.validation.future"));
        }
        return purchasedAt;
    }

    private List<PricedLine> price(PurchaseDraft draft, List<PurchaseProblem> problems) {
        if (draft.lines().isEmpty()) {
            problems.add(PurchaseProblem.ofSale("purchase.validation.noLines"));
        }
        Map<String, ProductChoice> products = catalog.byCodes(draft.lines().stream().map(PurchaseDraft.Line::code).toList());
        List<PricedLine> lines = new ArrayList<>();
        for (PurchaseDraft.Line line : draft.lines()) {
            LinePrices.price(line, Optional.ofNullable(products.get(CatalogQueries.codeKey(line.code()))), problems)
                    .ifPresent(lines::add);
        }
        return lines;
    }

    /**
     * A coupon takes its discount off one item, the dearest of the purchase (DESIGN.md §6: "half price on one
     * item", capped). Whether it is still unused is checked here for the clerk and again, atomically, when the
     * purchase is written.
     */
    private Optional<Coupons.Coupon> applyCoupon(PurchaseDraft draft, List<PricedLine> lines,
            List<PurchaseProblem> problems) {
        Optional<Coupons.Coupon> coupon = coupons.find(draft.couponCode());
        if (coupon.isEmpty()) {
            problems.add(new PurchaseProblem("couponCode", "purchase.validation.coupon.unknown"));
            return Optional.empty();
        }
        Optional<String> problem = coupon.get().problem(draft.customerId(), draft.purchasedAt().toLocalDate());
        if (problem.isPresent()) {
            problems.add(new PurchaseProblem("couponCode", "purchase.validation.coupon." + problem.get()));
            return Optional.empty();
        }
        int dearest = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).unitPrice() > lines.get(dearest).unitPrice()) {
                dearest = i;
            }
        }
        PricedLine line = lines.get(dearest);
        long couponDiscount = coupon.get().offer().discountOn(Math.max(0, line.amount() / line.quantity()));
        lines.set(dearest, new PricedLine(line.product(), line.quantity(), line.unitPrice(), line.discount() + couponDiscount,
                line.note()));
        return coupon;
    }

    /** A sale stays within what one receipt can hold (SaleLimits). */
    private static void checkTotals(List<PricedLine> lines, List<PurchaseProblem> problems) {
        long total = 0;
        for (PricedLine line : lines) {
            total += line.amount();
        }
        if (total > SaleLimits.MAX_AMOUNT) {
            problems.add(PurchaseProblem.ofSale("purchase.validation.totalTooLarge"));
        }
    }

    List<Store> openStores() {
        return shop.stores().stream().filter(Store::isActive).toList();
    }

    ZoneId zone() {
        return shop.zone();
    }

    LocalDate today() {
        return shop.today();
    }

    LocalDateTime now() {
        return shop.now();
    }
}
