package jp.joren.reminders;

import java.util.Collection;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Exit on purchase (DESIGN.md §6): a customer who buys is not reminded to come. A message that names a
 * product (a part, a consumable) ends only when that product is bought; any other ends with any purchase.
 * Today's list follows the counter the same way: a customer who came is no longer away, a part bought is no
 * longer due, a coupon used no longer expires.
 */
@Repository
@RequiredArgsConstructor
public class PurchaseExits {

    private final JdbcClient jdbc;

    /** The counter registered a purchase: the customer's waiting reminders that it answers are withdrawn at once. */
    public void customerBought(long customerId, Collection<Long> productIds) {
        jdbc.sql("""
                        update outbox_message set status = 'WITHDRAWN', reason = 'BOUGHT'
                         where tenant_id = :shop and customer_id = :customer and status in ('QUEUED', 'AWAITING_APPROVAL')
                           and (product_id is null or product_id = any(:products))""")
                .param("shop", CurrentTenant.require())
                .param("customer", customerId)
                .param("products", productIds.toArray(Long[]::new))
                .update();
        jdbc.sql("""
                        delete from contact_item i
                         where i.tenant_id = :shop and i.customer_id = :customer and i.outcome is null
                           and (i.reason in ('LOYAL_NOT_SEEN', 'OVERDUE', 'LAPSED_TOP')
                                or (i.reason = 'PART_DUE' and i.product_id = any(:products))
                                or (i.reason = 'COUPON_EXPIRING'
                                    and exists (select 1 from coupon c
                                                 where c.tenant_id = :shop and c.tenant_id = i.tenant_id
                                                   and c.id = i.coupon_id
                                                   and c.redeemed_at is not null)))""")
                .param("shop", CurrentTenant.require())
                .param("customer", customerId)
                .param("products", productIds.toArray(Long[]::new))
                .update();
    }

    /**
     * The night's safety net for purchases that did not come through the counter (an import, a correction):
     * a completed purchase registered after a message was queued withdraws it the same way.
     */
    void withdrawAnsweredByPurchases() {
        jdbc.sql("""
                update outbox_message m set status = 'WITHDRAWN', reason = 'BOUGHT'
                 where m.tenant_id = :shop and m.status in ('QUEUED', 'AWAITING_APPROVAL')
                   and exists (select 1 from completed_purchase p
                                where p.tenant_id = :shop and p.tenant_id = m.tenant_id and p.customer_id = m.customer_id
                                  and p.created_at >= m.queued_at
                                  and (m.product_id is null
                                       or exists (select 1 from purchase_line l
                                                   where l.tenant_id = :shop and l.tenant_id = p.tenant_id
                                                     and l.purchase_id = p.id
                                                     and l.product_id = m.product_id)))""")
                .param("shop", CurrentTenant.require())
                .update();
    }
}
