package jp.joren.dashboard.products;

import java.time.LocalDate;
import java.util.List;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Periodicity and relatedness (DESIGN.md §5): how often customers really buy a product again, and which
 * products and categories the same customers buy, for cross-selling. Read over the purchase lines of the
 * trailing two years (rhythm) and year (pairs), on demand.
 */
@Repository
@RequiredArgsConstructor
public class ProductInsights {

    /** Pairs bought by fewer customers than this say nothing. */
    static final int MIN_PAIR_CUSTOMERS = 5;

    /** A product's measured rhythm: the median gap between purchases of customers who bought it 3+ times. */
    public record Rhythm(String code, String name, Integer configuredCycleDays, long customers, double medianGapDays) {
    }

    /** Two products or categories bought by the same customers: support (share of all buyers) and lift. */
    public record Pair(String first, String second, long customers, double support, double lift) {
    }

    /** The products page: rhythms, and the pairs of products and of categories. */
    public record Insights(List<Rhythm> rhythms, List<Pair> productPairs, List<Pair> categoryPairs) {
    }

    private final JdbcClient jdbc;

    @Transactional(readOnly = true)
    public Insights insights(LocalDate today) {
        return new Insights(rhythms(today), productPairs(today), categoryPairs(today));
    }

    List<Rhythm> rhythms(LocalDate today) {
        return jdbc.sql("""
                        -- Per product bought three times or more by the same customer, the median days between those purchases
                        with bought as (
                            select distinct p.customer_id, l.product_id, p.business_date
                              from purchase_line l
                              join completed_purchase p on p.tenant_id = :shop and p.tenant_id = l.tenant_id
                                                       and p.id = l.purchase_id
                             where l.tenant_id = :shop and p.customer_id is not null
                               and p.business_date >= cast(:today as date) - 730 and p.business_date < :today
                        ), gaps as (
                            select product_id, customer_id,
                                   business_date - lag(business_date) over w as gap,
                                   count(*) over (partition by customer_id, product_id) as times
                              from bought
                            window w as (partition by customer_id, product_id order by business_date)
                        )
                        select pr.code, pr.name, pr.repurchase_cycle_days, count(distinct g.customer_id) as customers,
                               percentile_cont(0.5) within group (order by g.gap) as median_gap
                          from gaps g
                          join product pr on pr.tenant_id = :shop and pr.id = g.product_id
                         where g.times >= 3 and g.gap is not null and not pr.sensitive
                         group by pr.id, pr.code, pr.name, pr.repurchase_cycle_days
                         order by count(distinct g.customer_id) desc, pr.code
                         limit 50
                        """)
                .param("shop", CurrentTenant.require())
                .param("today", today)
                .query((rs, row) -> new Rhythm(rs.getString("code"), rs.getString("name"),
                        rs.getObject("repurchase_cycle_days", Integer.class), rs.getLong("customers"),
                        rs.getDouble("median_gap")))
                .list();
    }

    List<Pair> productPairs(LocalDate today) {
        return pairs(today, "l.product_id", "select id, name from product where tenant_id = :shop and not sensitive");
    }

    List<Pair> categoryPairs(LocalDate today) {
        return pairs(today, "pr.category_id", "select id, name from category where tenant_id = :shop");
    }

    /**
     * Pairs among the 60 items bought by most customers in the trailing year. Sensitive products are never
     * named here (DESIGN.md §6).
     */
    private List<Pair> pairs(LocalDate today, String item, String names) {
        return jdbc.sql("""
                        -- Pairs of the popular items bought by the same customers over the year, with their support and lift
                        with bought as (
                            select distinct p.customer_id, %s as item
                              from purchase_line l
                              join completed_purchase p on p.tenant_id = :shop and p.tenant_id = l.tenant_id
                                                       and p.id = l.purchase_id
                              join product pr on pr.tenant_id = :shop and pr.tenant_id = l.tenant_id and pr.id = l.product_id
                             where l.tenant_id = :shop and p.customer_id is not null and not pr.sensitive
                               and p.business_date >= cast(:today as date) - 365 and p.business_date < :today
                        ), everyone as (
                            select count(distinct customer_id) as buyers from bought
                        ), popular as (
                            select item, count(*) as buyers from bought where item is not null
                             group by item order by count(*) desc limit 60
                        ), kept as (
                            select b.customer_id, b.item from bought b join popular using (item)
                        ), names as (%s)
                        select na.name as first, nb.name as second, count(*) as customers,
                               count(*)::float8 / e.buyers as support,
                               count(*)::float8 * e.buyers / (pa.buyers * pb.buyers) as lift
                          from kept a
                          join kept b on b.customer_id = a.customer_id and b.item > a.item
                          join popular pa on pa.item = a.item
                          join popular pb on pb.item = b.item
                          join names na on na.id = a.item
                          join names nb on nb.id = b.item
                          cross join everyone e
                         group by na.name, nb.name, e.buyers, pa.buyers, pb.buyers
                        having count(*) >= :minimum
                         order by 5 desc, 3 desc
                         limit 30
                        """.formatted(item, names))
                .param("shop", CurrentTenant.require())
                .param("today", today)
                .param("minimum", MIN_PAIR_CUSTOMERS)
                .query((rs, row) -> new Pair(rs.getString("first"), rs.getString("second"), rs.getLong("customers"),
                        rs.getDouble("support"), rs.getDouble("lift")))
                .list();
    }
}
