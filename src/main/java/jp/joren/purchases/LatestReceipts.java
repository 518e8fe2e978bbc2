package jp.joren.purchases;

import java.time.Instant;
import java.util.List;

import jp.joren.shops.ShopSettings;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's latest receipts of its today, newest first: what the counter's home page lists. */
@Service
@RequiredArgsConstructor
public class LatestReceipts {

    /** One receipt as the home page lists it; {@code customerName} null for a walk-in. */
    public record Receipt(long id, String receipt, Instant purchasedAt, String customerName, long total,
                          boolean completed) {
    }

    private final JdbcClient jdbc;
    private final ShopSettings shop;

    @Transactional(readOnly = true)
    public List<Receipt> today(int limit) {
        return jdbc.sql("""
                        select p.id, coalesce(p.receipt_number::text, p.external_ref) as receipt, p.purchased_at,
                               c.name as customer_name, p.total, p.status = 'COMPLETED' as completed
                          from purchase p
                          left join customer c on c.tenant_id = :shop and c.tenant_id = p.tenant_id and c.id = p.customer_id
                         where p.tenant_id = :shop and p.business_date = :today
                         order by p.purchased_at desc, p.id desc
                         limit :limit""")
                .param("shop", CurrentTenant.require())
                .param("today", shop.today())
                .param("limit", limit)
                .query(Receipt.class).list();
    }
}
