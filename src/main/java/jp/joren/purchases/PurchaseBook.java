package jp.joren.purchases;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.customers.OwnedProducts;
import jp.joren.reminders.Coupons;
import jp.joren.reminders.PurchaseExits;
import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Writes purchases and their corrections. A purchase of a product model registers the model to the
 * customer; a cancelled or returned purchase stops counting everywhere (every figure reads V39's
 * completed_purchase) and ends what it registered.
 */
@Service
@RequiredArgsConstructor
class PurchaseBook {

    private final JdbcClient jdbc;
    private final OwnedProducts ownedProducts;
    private final AuditLog audit;
    private final PurchaseQueries queries;
    private final PurchaseChecks checks;
    private final PurchaseExits reminderExits;
    private final Coupons coupons;
    private final Clock clock;

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
        writeLines(id, sale, clerkId);
        // last, just before the commit: the store's counter row stays locked only that long, so the store's
        // other tills wait for a number, not for each other's whole sale
        number(id, sale.storeId());
        return id;
    }

    /** A correction: the new details replace the old, and the audit log keeps both. */
    @Transactional
    public void edit(long id, CheckedPurchase sale, long clerkId) {
        PurchaseView before = queries.find(id);
        if (!before.isCompleted()) {
            throw new IllegalStateException("only a completed purchase can be edited");
        }
        jdbc.sql("""
                        update purchase
                           set customer_id = :customer, store_id = :store, purchased_at = :purchasedAt,
                               business_date = :businessDate, channel = :channel, total = :total, staff_note = :note,
                               updated_at = :now
                         where tenant_id = :shop and id = :id
                        """)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("shop", CurrentTenant.require())
                .param("customer", sale.customerId())
                .param("store", sale.storeId())
                .param("purchasedAt", sale.purchasedAt().atOffset(ZoneOffset.UTC))
                .param("businessDate", sale.businessDate())
                .param("channel", sale.channel().name())
                .param("total", sale.total())
                .param("note", sale.staffNote())
                .param("id", id)
                .update();
        jdbc.sql("delete from purchase_line where tenant_id = :shop and purchase_id = :id")
                .param("shop", CurrentTenant.require()).param("id", id).update();
        ownedProducts.endForPurchase(id);
        writeLines(id, sale, clerkId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before.auditSnapshot());
        details.put("after", queries.find(id).auditSnapshot());
        audit.record(clerkId, AuditAction.PURCHASE_EDITED, "purchase", id, details);
    }

    /** Cancel (rung up by mistake) or return (the customer brought it back); the reason is kept. */
    @Transactional
    public void cancelOrReturn(long id, PurchaseStatus status, String reason, long clerkId) {
        int changed = jdbc.sql("""
                        update purchase
                           set status = :status, status_changed_at = :now, status_changed_by = :clerk,
                               status_reason = :reason, updated_at = :now
                         where tenant_id = :shop and id = :id and status = 'COMPLETED'
                        """)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("shop", CurrentTenant.require())
                .param("status", status.name())
                .param("clerk", clerkId)
                .param("reason", reason)
                .param("id", id)
                .update();
        if (changed == 0) {
            queries.find(id);
            return;
        }
        ownedProducts.endForPurchase(id);
        audit.record(clerkId, status == PurchaseStatus.CANCELLED ? AuditAction.PURCHASE_CANCELLED
                : AuditAction.PURCHASE_RETURNED, "purchase", id, Map.of("reason", reason));
    }

    private void writeLines(long id, CheckedPurchase sale, long clerkId) {
        List<PricedLine> lines = sale.lines();
        jdbc.sql("""
                        insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, discount,
                                                   amount, note)
                        select app_current_tenant(), ?, * from unnest(?::bigint[], ?::int[], ?::bigint[], ?::bigint[],
                                                                       ?::bigint[], ?::text[])
                        """)
                .params(id,
                        lines.stream().map(line -> line.product().id()).toArray(Long[]::new),
                        lines.stream().map(PricedLine::quantity).toArray(Integer[]::new),
                        lines.stream().map(PricedLine::unitPrice).toArray(Long[]::new),
                        lines.stream().map(PricedLine::discount).toArray(Long[]::new),
                        lines.stream().map(PricedLine::amount).toArray(Long[]::new),
                        lines.stream().map(PricedLine::note).toArray(String[]::new))
                .update();
        if (sale.customerId() != null) {
            lines.stream().filter(line -> line.product().isModel()).forEach(line ->
                    ownedProducts.registerFromPurchase(sale.customerId(), line.product().modelId(),
                            sale.businessDate(), id, clerkId));
            reminderExits.customerBought(sale.customerId(),
                    lines.stream().map(line -> line.product().id()).toList());
        }
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
