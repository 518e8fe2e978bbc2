package jp.joren.customers.page;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the customer page tells about visits: several receipts on one day are one visit, and cancelled or
 * returned purchases never count (they are listed, marked, so nothing disappears).
 */
@Service
@RequiredArgsConstructor
public class CustomerHistory {

    private final JdbcClient jdbc;

    /** @param averageIntervalDays days between first and last visit over the gaps between; null below 2 visits */
    public record VisitFacts(int visits, LocalDate firstVisit, LocalDate lastVisit, Integer averageIntervalDays,
                      long totalAmount) {
    }

    public record PurchaseRow(long id, Instant purchasedAt, String storeName, long total, String status, String items) {
    }

    @Transactional(readOnly = true)
    public VisitFacts facts(long customerId) {
        return jdbc.sql("""
                        select count(distinct business_date) as visits, min(business_date) as first_visit,
                               max(business_date) as last_visit,
                               case when count(distinct business_date) > 1
                                    then round((max(business_date) - min(business_date))::numeric
                                               / (count(distinct business_date) - 1))::int end as average_interval_days,
                               coalesce(sum(total), 0) as total_amount
                          from completed_purchase
                         where tenant_id = :shop and customer_id = :customer
                        """)
                .param("shop", CurrentTenant.require()).param("customer", customerId)
                .query(VisitFacts.class).single();
    }

    @Transactional(readOnly = true)
    public List<PurchaseRow> purchases(long customerId, int limit) {
        return jdbc.sql("""
                        select p.id, p.purchased_at, s.name as store_name, p.total, p.status,
                               (select string_agg(pr.name || case when l.quantity > 1 then ' ×' || l.quantity else '' end,
                                                  '、' order by l.id)
                                  from purchase_line l
                                  join product pr on pr.tenant_id = :shop and pr.tenant_id = l.tenant_id and pr.id = l.product_id
                                 where l.tenant_id = :shop and l.tenant_id = p.tenant_id and l.purchase_id = p.id) as items
                          from purchase p
                          join store s on s.tenant_id = :shop and s.tenant_id = p.tenant_id and s.id = p.store_id
                         where p.tenant_id = :shop and p.customer_id = :customer
                         order by p.purchased_at desc, p.id desc
                         limit :limit
                        """)
                .param("shop", CurrentTenant.require())
                .param("customer", customerId)
                .param("limit", limit)
                .query(PurchaseRow.class).list();
    }
}
