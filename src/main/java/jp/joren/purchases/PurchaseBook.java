package jp.joren.purchases;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.joren.reminders.Coupons;
import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Writes the counter's sales, once each, with their store's next receipt number; a coupon is redeemed by the
 * sale that uses it first. Corrections are {@link PurchaseCorrections}'.
 */
@Service
@RequiredArgsConstructor
class PurchaseBook {

    private final JdbcClient jdbc;
    private final PurchaseChecks checks;
    private final PurchaseLines lines;
    private final Coupons coupons;

    /** The sale's receipt, or the problems that kept it from being written. */
    record Registration(Long purchaseId, List<PurchaseProblem> problems) {
    }

    /**
     * Checks the sale and, when nothing is wrong, registers it — in one transaction, because this is the
     * counter's busiest request. Nothing is written when anything is wrong.
     */
    @Transactional
    public Registration checkAndRegister(PurchaseDraft draft, long clerkId) {
        // the same sale submitted again (a double click, a resend after a lost answer) is the receipt saved
        // first, not a fresh sale whose coupon now reads as used
        Optional<Long> saved = saved(draft.clientKey());
        if (saved.isPresent()) {
            return new Registration(saved.get(), List.of());
        }
        PurchaseChecks.Outcome checked = checks.check(draft);
        if (!checked.passed()) {
            return new Registration(null, checked.problems());
        }
        try {
            return new Registration(register(checked.purchase(), clerkId), List.of());
        } catch (CouponTaken e) {
            // another clerk redeemed the coupon between the check and this write: nothing of this purchase stays
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Registration(null, List.of(new PurchaseProblem("couponCode", "purchase.validation.coupon.used")));
        }
    }

    /**
     * Registers the purchase once per client key: a second submit of the same form returns the first id.
     * @throws CouponTaken when its coupon was redeemed meanwhile; the caller's transaction must not commit
     */
    @Transactional
    public long register(CheckedPurchase sale, long clerkId) {
        Long id = jdbc.sql("""
                        insert into purchase (tenant_id, customer_id, store_id, staff_id, purchased_at, business_date,
                                              channel, total, staff_note, client_key)
                        values (app_current_tenant(), :customer, :store, :staff, :purchasedAt, :businessDate,
                                :channel, :total, :note, :clientKey)
                        on conflict (tenant_id, client_key) do nothing
                        returning id
                        """)
                .param("customer", sale.customerId())
                .param("store", sale.storeId())
                .param("staff", clerkId)
                .param("purchasedAt", sale.purchasedAt().atOffset(ZoneOffset.UTC))
                .param("businessDate", sale.businessDate())
                .param("channel", sale.channel().name())
                .param("total", sale.total())
                .param("note", sale.staffNote())
                .param("clientKey", sale.clientKey())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return existing(sale.clientKey());
        }
        if (sale.couponId() != null && !coupons.redeem(sale.couponId(), id, sale.customerId(), sale.businessDate())) {
            throw new CouponTaken();
        }
        lines.write(id, sale, clerkId);
        // last, just before the commit: the store's counter row stays locked only that long, so the store's
        // other tills wait for a number, not for each other's whole sale
        number(id, sale.storeId());
        return id;
    }

    /** The sale's coupon was used by another purchase after it was checked. */
    static final class CouponTaken extends RuntimeException {
        CouponTaken() {
            super("coupon already redeemed", null, false, false);
        }
    }

    /**
     * Gives the receipt its store's next number. After the insert, so that a resubmitted form (which inserts
     * nothing) takes no number; in the purchase's transaction, so a sale that is not saved gives it back.
     */
    private void number(long purchaseId, long storeId) {
        jdbc.sql("""
                        with next as (
                            insert into store_receipt_counter as k (tenant_id, store_id, last_number)
                            values (:shop, :store, 1)
                            on conflict (tenant_id, store_id) do update set last_number = k.last_number + 1
                            returning last_number)
                        update purchase p set receipt_number = (select last_number from next)
                         where p.tenant_id = :shop and p.id = :id
                        """)
                .param("shop", CurrentTenant.require()).param("store", storeId).param("id", purchaseId).update();
    }

    private long existing(UUID clientKey) {
        return saved(clientKey).orElseThrow(() -> new NotFoundException("purchase", -1));
    }

    private Optional<Long> saved(UUID clientKey) {
        if (clientKey == null) {
            return Optional.empty();
        }
        return jdbc.sql("select p.id from purchase p where p.tenant_id = :shop and p.client_key = :key")
                .param("shop", CurrentTenant.require()).param("key", clientKey).query(Long.class).optional();
    }
}
