package jp.joren.segments;

import java.util.List;

import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A counted visit, as the portfolio and the forecast count it: a day on which an active customer had a
 * completed purchase holding something besides the products left out of the portfolio (free samples), worth
 * what it cost less those products.
 */
public final class CountedVisits {

    private CountedVisits() {
    }

    /** The products left out of the portfolio: the {@code :excluded} parameter of {@link #purchasesBefore}. */
    public static List<Long> excludedProducts(JdbcClient jdbc) {
        return jdbc.sql("select id from product where tenant_id = :shop and excluded_from_portfolio")
                .param("shop", CurrentTenant.require()).query(Long.class).list();
    }

    /**
     * The purchases before {@code :asOf} that make counted visits, as {@code customer_id, business_date, amount}
     * (several on one day are one visit: the caller groups by day), of the shop {@code :shop}. Only purchases holding an excluded product
     * have their lines read; most shops have none, and then {@code :excluded} is not read at all.
     */
    public static String purchasesBefore(List<Long> excluded) {
        String ofActiveCustomers = """
                p.business_date < :asOf and p.customer_id is not null
                and p.customer_id not in (select id from customer where tenant_id = :shop and status <> 'ACTIVE')""";
        return excluded.isEmpty() ? """
                select p.customer_id, p.business_date, p.total as amount
                  from completed_purchase p
                 where p.tenant_id = :shop and %s
                """.formatted(ofActiveCustomers) : """
                select p.customer_id, p.business_date, p.total - coalesce(x.excluded_amount, 0) as amount
                  from completed_purchase p
                  left join (select l.purchase_id,
                                    sum(l.amount) filter (where l.product_id = any(:excluded)) as excluded_amount,
                                    bool_and(l.product_id = any(:excluded)) as only_excluded
                               from purchase_line l
                              where l.tenant_id = :shop
                                and l.purchase_id in (select purchase_id from purchase_line
                                                       where tenant_id = :shop and product_id = any(:excluded))
                              group by l.purchase_id) x on x.purchase_id = p.id
                 where p.tenant_id = :shop and %s and x.only_excluded is not true
                """.formatted(ofActiveCustomers);
    }
}
