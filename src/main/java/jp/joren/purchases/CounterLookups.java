package jp.joren.purchases;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jp.joren.catalog.CatalogQueries;
import jp.joren.catalog.ProductChoice;
import jp.joren.reminders.Coupons;
import jp.joren.shared.Formats;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the purchase screen asks while the clerk types: what a scanned code is (a product, or a coupon
 * scanned into a line), suggestions for a half-typed code, and what saving would charge with the coupon,
 * computed by the same checks that saving runs so the screen never shows a total the receipt won't.
 */
@RestController
@RequestMapping("/purchases")
@RequiredArgsConstructor
class CounterLookups {

    private static final int PRODUCT_SUGGESTIONS = 12;

    private final CatalogQueries catalog;
    private final Coupons coupons;
    private final PurchaseChecks checks;
    private final MessageSource messages;
    private final Formats formats;

    /**
     * A scanned or typed code: one product on sale (first), else a coupon, with the customer it belongs to
     * (null: anyone's); else 404.
     */
    record Scanned(ProductChoice product, String coupon, Long couponCustomerId) {
    }

    @GetMapping("/scan")
    ResponseEntity<Scanned> scan(@RequestParam String code) {
        Optional<ProductChoice> product = catalog.byCode(code).filter(ProductChoice::active);
        if (product.isPresent()) {
            return ResponseEntity.ok(new Scanned(product.get(), null, null));
        }
        return ResponseEntity.of(coupons.find(code).map(coupon -> new Scanned(null, coupon.code(), coupon.customerId())));
    }

    /** Suggestions by code prefix or name, for the line's suggestion list. */
    @GetMapping("/products")
    List<ProductChoice> products(@RequestParam(defaultValue = "") String q) {
        return catalog.search(q, PRODUCT_SUGGESTIONS);
    }

    /**
     * The coupon's discount on this sale as it stands, or why it does not apply. Nothing to say (no
     * discount, no problem) while a line is still incomplete: the lines show their own problems.
     */
    record CouponPreview(long discount, String text, String problem) {
    }

    @PostMapping("/preview")
    CouponPreview preview(@Valid @ModelAttribute PurchaseForm purchaseForm, BindingResult errors) {
        if (errors.hasErrors()) {
            return new CouponPreview(0, "", null);
        }
        PurchaseChecks.Outcome checked = checks.check(purchaseForm.toDraft());
        if (checked.passed()) {
            long discount = checked.purchase().couponDiscount();
            return new CouponPreview(discount, discount == 0 ? "" : messages.getMessage("purchase.coupon.applied",
                    new Object[] {formats.yen(discount)}, LocaleContextHolder.getLocale()), null);
        }
        return new CouponPreview(0, "", checked.problems().stream()
                .filter(problem -> "couponCode".equals(problem.field())).findFirst()
                .map(problem -> messages.getMessage(problem.messageKey(), null, LocaleContextHolder.getLocale()))
                .orElse(null));
    }
}
