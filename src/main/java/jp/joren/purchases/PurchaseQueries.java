package jp.joren.purchases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
class PurchaseQueries {

    private final JdbcClient jdbc;

    PurchaseView find(long id) {
        PurchaseView purchase = jdbc.sql("""
                        select p.id, coalesce(p.receipt_number::text, p.external_ref) as receipt, p.customer_id,
                               c.name as customer_name, p.store_id, s.name as store_name,
                               a.display_name as staff_name, p.purchased_at, p.business_date, p.channel, p.total,
                               p.status, p.staff_note, p.status_changed_at, b.display_name as status_changed_by,
                               p.status_reason,
                               (select k.code from coupon k
                                 where k.tenant_id = :shop and k.tenant_id = p.tenant_id and k.redeemed_purchase_id = p.id) as coupon_code,
                               null as lines
                          from purchase p
                          join store s on s.tenant_id = :shop and s.tenant_id = p.tenant_id and s.id = p.store_id
                          left join customer c on c.tenant_id = :shop and c.tenant_id = p.tenant_id and c.id = p.customer_id
                          left join account a on a.tenant_id = :shop and a.tenant_id = p.tenant_id and a.id = p.staff_id
                          left join account b on b.tenant_id = :shop and b.tenant_id = p.tenant_id and b.id = p.status_changed_by
                         where p.tenant_id = :shop and p.id = :id
                        """)
                .param("shop", CurrentTenant.require())
                .param("id", id)
                .query(PurchaseView.class).optional()
                .orElseThrow(() -> new NotFoundException("purchase", id));
        return purchase.withLines(jdbc.sql("""
                        select l.product_id, pr.code, pr.name, l.quantity, l.unit_price, l.discount, l.amount, l.note
                          from purchase_line l
                          join product pr on pr.tenant_id = :shop and pr.tenant_id = l.tenant_id and pr.id = l.product_id
                         where l.tenant_id = :shop and l.purchase_id = :id
                         order by l.id
                        """)
                .param("shop", CurrentTenant.require())
                .param("id", id)
                .query(PurchaseView.Line.class).list());
    }

    public record DaySale(long id, Instant purchasedAt, Long customerId, String customerName, String storeName,
                   long total, PurchaseStatus status, int items) {
    }

    /** The day's receipts, newest first: what the counter checks at closing. */
    List<DaySale> ofDay(LocalDate day) {
        return jdbc.sql("""
                        select p.id, p.purchased_at, p.customer_id, c.name as customer_name, s.name as store_name,
                               p.total, p.status,
                               (select coalesce(sum(l.quantity), 0) from purchase_line l
                                 where l.tenant_id = :shop and l.tenant_id = p.tenant_id and l.purchase_id = p.id) as items
                          from purchase p
                          join store s on s.tenant_id = :shop and s.tenant_id = p.tenant_id and s.id = p.store_id
                          left join customer c on c.tenant_id = :shop and c.tenant_id = p.tenant_id and c.id = p.customer_id
                         where p.tenant_id = :shop and p.business_date = :day
                         order by p.purchased_at desc, p.id desc
                        """)
                .param("shop", CurrentTenant.require()).param("day", day)
                .query(DaySale.class).list();
    }
}
