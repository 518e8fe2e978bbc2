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
import java.util.OptionalLong;

import jp.joren.catalog.CatalogQueries;
import jp.joren.catalog.ProductChoice;
import jp.joren.customers.CustomerRegistry;
import jp.joren.reminders.Coupons;
import jp.joren.shared.SaleLimits;
import jp.joren.shared.Yen;
import jp.joren.shops.ShopSettings;
import jp.joren.shops.Store;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Turns what the clerk typed into a purchase that can be written, or into messages next to the fields:
 * unknown or inactive product codes, quantities, prices and discounts, a store that is closed, a sale in
 * the future. A blank unit price takes the catalog's price.
 */
@Component
class PurchaseChecks {

    /** What purchase_line.note holds. */
    private static final int LINE_NOTE_LENGTH = 100;

    /** A clock a little fast at the till is not a sale in the future. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

    private final CatalogQueries catalog;
    private final CustomerRegistry customers;
    private final ShopSettings shop;
    private final Clock clock;
    private final Coupons coupons;

    PurchaseChecks(CatalogQueries catalog, CustomerRegistry customers, ShopSettings shop, Clock clock, Coupons coupons) {
        this.catalog = catalog;
        this.coupons = coupons;
        this.customers = customers;
        this.shop = shop;
        this.clock = clock;
    }

    /** One read-only transaction for every check, so a busy counter pays for one round of begin and commit. */
    @Transactional(readOnly = true)
    public Optional<PurchaseDraft> check(PurchaseForm form, Errors errors) {
        ZoneId zone = shop.zone();
        if (form.getCustomerId() != null && !customers.canBuy(form.getCustomerId())) {
            errors.rejectValue("customerId", "purchase.validation.customer");
        }
        if (form.getStoreId() != null && !shop.storeIsOpen(form.getStoreId())) {
            errors.rejectValue("storeId", "purchase.validation.store");
        }
        Instant purchasedAt = form.getPurchasedAt() == null ? null : form.getPurchasedAt().atZone(zone).toInstant();
        if (purchasedAt != null && purchasedAt.isAfter(clock.instant().plus(CLOCK_SLACK))) {
            errors.rejectValue("purchasedAt", "purchase.validation.future");
        }
        Map<String, ProductChoice> products = catalog.byCodes(form.filledLines().stream().map(LineForm::getCode).toList());
        List<PricedLine> lines = new ArrayList<>();
        for (int i = 0; i < form.getLines().size(); i++) {
            LineForm line = form.getLines().get(i);
            if (!line.isBlank()) {
                price(line, Optional.ofNullable(products.get(CatalogQueries.codeKey(line.getCode()))), "lines[" + i + "].",
                        errors).ifPresent(lines::add);
            }
        }
        if (form.filledLines().isEmpty()) {
            errors.reject("purchase.validation.noLines");
        }
        if (!errors.hasErrors()) {
            checkTotals(lines, errors);
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Long couponId = null;
        long couponDiscount = 0;
        if (!form.getCouponCode().isBlank()) {
            long before = lines.stream().mapToLong(PricedLine::amount).sum();
            Optional<Coupons.Coupon> coupon = applyCoupon(form, lines, errors);
            if (coupon.isEmpty()) {
                return Optional.empty();
            }
            couponId = coupon.get().id();
            couponDiscount = before - lines.stream().mapToLong(PricedLine::amount).sum();
        }
        return Optional.of(new PurchaseDraft(form.getCustomerId(), form.getStoreId(), purchasedAt,
                form.getPurchasedAt().toLocalDate(), form.getChannel(), lines,
                form.getStaffNote() == null || form.getStaffNote().isBlank() ? null : form.getStaffNote().strip(),
                form.getClientKey(), couponId, couponDiscount));
    }

    /**
     * A coupon takes its discount off one item, the dearest of the purchase (DESIGN.md §6: "half price on one
     * item", capped). Whether it is still unused is checked here for the clerk and again, atomically, when the
     * purchase is written.
     */
    private Optional<Coupons.Coupon> applyCoupon(PurchaseForm form, List<PricedLine> lines, Errors errors) {
        Optional<Coupons.Coupon> coupon = coupons.find(form.getCouponCode());
        if (coupon.isEmpty()) {
            errors.rejectValue("couponCode", "purchase.validation.coupon.unknown");
            return Optional.empty();
        }
        Optional<String> problem = coupon.get().problem(form.getCustomerId(), form.getPurchasedAt().toLocalDate());
        if (problem.isPresent()) {
            errors.rejectValue("couponCode", "purchase.validation.coupon." + problem.get());
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
    private static void checkTotals(List<PricedLine> lines, Errors errors) {
        long total = 0;
        for (PricedLine line : lines) {
            total += line.amount();
        }
        if (total > SaleLimits.MAX_AMOUNT) {
            errors.reject("purchase.validation.totalTooLarge");
        }
    }

    private static Optional<PricedLine> price(LineForm line, Optional<ProductChoice> product, String path, Errors errors) {
        int errorsBefore = errors.getErrorCount();
        if (line.getCode().isBlank()) {
            errors.rejectValue(path + "code", "purchase.validation.code");
        } else if (product.isEmpty()) {
            errors.rejectValue(path + "code", "purchase.validation.unknownCode");
        } else if (!product.get().active()) {
            errors.rejectValue(path + "code", "purchase.validation.inactiveProduct");
        }
        OptionalLong quantity = line.getQuantity().isBlank() ? OptionalLong.of(1) : Yen.parse(line.getQuantity());
        if (quantity.isEmpty() || quantity.getAsLong() < 1 || quantity.getAsLong() > SaleLimits.MAX_QUANTITY) {
            errors.rejectValue(path + "quantity", "purchase.validation.quantity");
        }
        OptionalLong unitPrice = line.getUnitPrice().isBlank() && product.isPresent()
                ? OptionalLong.of(product.get().price()) : Yen.parse(line.getUnitPrice());
        if (line.getUnitPrice().isBlank() && product.filter(ProductChoice::department).filter(p -> p.price() == 0).isPresent()) {
            // a department with no default price: the amount is what the clerk types, never a silent ¥0
            errors.rejectValue(path + "unitPrice", "purchase.validation.departmentPrice");
        } else if (unitPrice.isEmpty() || unitPrice.getAsLong() < 0 || unitPrice.getAsLong() > SaleLimits.MAX_AMOUNT) {
            errors.rejectValue(path + "unitPrice", "purchase.validation.price");
        }
        if (line.getNote().strip().length() > LINE_NOTE_LENGTH) {
            errors.rejectValue(path + "note", "purchase.validation.lineNote");
        }
        OptionalLong discount = line.getDiscount().isBlank() ? OptionalLong.of(0) : Yen.parse(line.getDiscount());
        if (discount.isEmpty() || discount.getAsLong() < 0 || discount.getAsLong() > SaleLimits.MAX_AMOUNT) {
            errors.rejectValue(path + "discount", "purchase.validation.discount");
        }
        if (errors.getErrorCount() > errorsBefore) {
            return Optional.empty();
        }
        PricedLine priced = new PricedLine(product.get(), (int) quantity.getAsLong(), unitPrice.getAsLong(),
                discount.getAsLong(), line.getNote().isBlank() ? null : line.getNote().strip());
        if (priced.amount() < 0) {
            errors.rejectValue(path + "discount", "purchase.validation.discountTooLarge");
            return Optional.empty();
        }
        return Optional.of(priced);
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
