package jp.joren.purchases;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.customers.OwnedProducts;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of a saved sale, each kept in the audit log with who, when and why: new details, a cancel (rung up
 * by mistake) or a return. A cancelled or returned purchase stops counting everywhere (every figure reads V39's
 * completed_purchase) and ends the product model it registered.
 */
@Service
@RequiredArgsConstructor
class PurchaseCorrections {

    private final JdbcClient jdbc;
    private final PurchaseQueries queries;
    private final PurchaseLines lines;
    private final OwnedProducts ownedProducts;
    private final AuditLog audit;
    private final Clock clock;

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
        lines.write(id, sale, clerkId);
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
}
