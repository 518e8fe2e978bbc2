package jp.joren.reminders;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jp.joren.reminders.coupons.CouponCodes;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter's side of coupons: a code is looked up and checked as the clerk types it, and redeemed in the
 * purchase's own transaction by one conditional update, so two clerks entering the same code at the same
 * moment cannot both use it — the second update waits for the first and then finds it used.
 */
@Repository
@RequiredArgsConstructor
public class Coupons {

    private final JdbcClient jdbc;
    private final Clock clock;

    /** A coupon as the counter sees it. {@code customerId} null: anyone who shows the code may use it. */
    public record Coupon(long id, String code, Long customerId, Offer offer, LocalDate validFrom, LocalDate validUntil,
            boolean redeemed) {

        /** Why it cannot be used by this customer on this day (a message key's last part), or empty when it can. */
        public Optional<String> problem(Long buyer, LocalDate day) {
            if (redeemed) {
                return Optional.of("used");
            }
            if (day.isBefore(validFrom) || day.isAfter(validUntil)) {
                return Optional.of("expired");
            }
            if (customerId != null && !customerId.equals(buyer)) {
                return Optional.of("otherCustomer");
            }
            return Optional.empty();
        }
    }

    /**
     * The coupon of this shop with this code, however the clerk typed it (full-width, lower case, dashes,
     * spaces). A code whose check character shows a typo is not looked up at all.
     */
    @Transactional(readOnly = true)
    public Optional<Coupon> find(String typed) {
        String code = normalize(typed);
        if (code.isEmpty() || (CouponCodes.hasShape(code) && !CouponCodes.checks(code))) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, code, customer_id, kind, value, cap, valid_from, valid_until, redeemed_at is not null as redeemed
                          from coupon where tenant_id = :shop and code = :code""")
                .param("shop", CurrentTenant.require())
                .param("code", code)
                .query((rs, row) -> new Coupon(rs.getLong("id"), rs.getString("code"), rs.getObject("customer_id", Long.class),
                        new Offer(Offer.CouponKind.valueOf(rs.getString("kind")), rs.getInt("value"),
                                rs.getObject("cap", Long.class), 0),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                        rs.getBoolean("redeemed")))
                .optional();
    }

    /** Marks the coupon used by the purchase. @return false when it was used (or stopped being usable) meanwhile */
    public boolean redeem(long couponId, long purchaseId, Long buyer, LocalDate day) {
        return jdbc.sql("""
                        update coupon set redeemed_at = :now, redeemed_purchase_id = :purchase
                         where tenant_id = :shop and id = :id and redeemed_at is null and :day between valid_from and valid_until
                           and (customer_id is null or customer_id = :buyer)""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("shop", CurrentTenant.require())
                .param("purchase", purchaseId)
                .param("id", couponId)
                .param("day", day)
                .param("buyer", buyer)
                .update() == 1;
    }

    public static String normalize(String typed) {
        return typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[\\s\\-ー]", "")
                .toUpperCase();
    }
}
