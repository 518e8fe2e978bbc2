package jp.joren.dashboard.period;

import java.time.LocalDate;
import java.util.List;

import jp.joren.segments.Cell;
import jp.joren.segments.Segment;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's set-based reads over the purchases of a period and the nightly portfolio. A customer's
 * first visit comes from last night's classification; a customer with no classification yet first came
 * after it, so inside the period.
 */
@Repository
@RequiredArgsConstructor
public class DashboardQueries {

    private final JdbcClient jdbc;

    /**
     * A period read in one pass over its own purchases: its figures, the sales of the customers now in each
     * cell, and the buyers, visits and amount per trade-area tier and town ({@code towns} is the
     * neighbourhood). Each buyer is put beside the period before's buyers, the 優良 customers at the start and
     * last night's portfolio by hash joins, not one probe per buyer; the period before's number of buyers is
     * {@code buyersBefore} (a closed period, which the caller may have remembered), and the counts at the
     * period's start are {@code start}.
     */
    public PeriodReading read(Period period, long buyersBefore, StartCounts start, List<String> towns) {
        PeriodReading.Builder reading = new PeriodReading.Builder(buyersBefore, start);
        jdbc.sql("""
                        -- One pass over a period's receipts: its totals, the sales per cell of last night, and per trade-area tier and town
                        with receipts as materialized (
                            select p.customer_id, p.business_date, p.total, p.item_count
                              from completed_purchase p
                             where p.tenant_id = :shop and p.business_date >= :from and p.business_date < :until
                        ), buyers as (
                            select customer_id, count(distinct business_date) as visits, sum(total) as amount
                              from receipts
                             where customer_id is not null
                             group by customer_id
                        ), bought_before as materialized (
                            %s
                        ), loyal_at_start as materialized (
                            select customer_id from portfolio_snapshot
                             where tenant_id = :shop and month = :snapshot and segment = 'LOYAL'
                        ), each_buyer as materialized (
                            select b.visits, b.amount, bb.customer_id is not null as bought_before,
                                   %s as is_new, %s as is_returned,
                                   l.customer_id is not null as was_loyal, cp.segment, cp.lapsed,
                                   case when c.status = 'ACTIVE' then %s end as tier,
                                   -- compared byte by byte, which is quicker; the towns are put in order in Java
                                   coalesce(nullif(trim(c.town), ''), '') collate "C" as town
                              from buyers b
                              join customer c on c.tenant_id = :shop and c.id = b.customer_id
                              left join bought_before bb on bb.customer_id = b.customer_id
                              left join loyal_at_start l on l.customer_id = b.customer_id
                              left join customer_portfolio cp on cp.tenant_id = :shop and cp.customer_id = b.customer_id
                        )
                        select grouping(segment, lapsed) = 0 as by_cell, grouping(tier) = 0 as by_tier,
                               grouping(town) = 0 as by_town, segment, lapsed, tier, town,
                               count(*) as buyers, coalesce(sum(visits), 0) as visits, coalesce(sum(amount), 0) as amount,
                               count(*) filter (where is_new) as new_buyers,
                               coalesce(sum(amount) filter (where is_new), 0) as new_sales,
                               coalesce(sum(amount) filter (where was_loyal), 0) as loyal_sales,
                               count(*) filter (where bought_before) as stayed,
                               count(*) filter (where is_returned) as returned,
                               (select coalesce(sum(total), 0) from receipts) as sales,
                               (select coalesce(sum(item_count), 0) from receipts where customer_id is not null) as items
                          from each_buyer
                         group by grouping sets ((), (segment, lapsed), (tier), (tier, town))
                        """.formatted(BuyerMovement.BUYERS_BEFORE, BuyerMovement.IS_NEW, BuyerMovement.IS_RETURNED, TradeArea.TIER))
                .param("shop", CurrentTenant.require())
                .param("before", period.previous().from())
                .param("beforeUntil", period.previous().until())
                .param("from", period.from())
                .param("until", period.until())
                .param("snapshot", period.snapshotAtStart())
                .param("towns", towns.toArray(String[]::new))
                .query(rs -> {
                    if (rs.getBoolean("by_cell")) {
                        if (rs.getString("segment") != null) {
                            reading.cellSales(new Cell(Segment.valueOf(rs.getString("segment")), rs.getBoolean("lapsed")),
                                    rs.getLong("amount"));
                        }
                    } else if (rs.getBoolean("by_tier")) {
                        if (rs.getObject("tier") != null) {
                            String town = rs.getBoolean("by_town") ? rs.getString("town") : null;
                            reading.area(new TradeArea.AreaSales(rs.getInt("tier"), town, rs.getLong("buyers"), rs.getLong("visits"),
                                    rs.getLong("amount")));
                        }
                    } else {
                        reading.totals(rs.getLong("sales"), rs.getLong("amount"), rs.getLong("buyers"),
                                rs.getLong("visits"), rs.getLong("items"), rs.getLong("new_buyers"),
                                rs.getLong("new_sales"), rs.getLong("loyal_sales"), rs.getLong("returned"),
                                rs.getLong("stayed"));
                    }
                });
        return reading.build();
    }

    /** What a period's figures take from the night: the active customers at its start, and its cohort. */
    public record StartCounts(long activeAtStart, long cohort, long cohortReturned) {
    }

    public StartCounts startOf(Period period) {
        Period cohort = period.cohortOldEnough();
        return jdbc.sql("""
                        select (select count(*) from portfolio_snapshot
                                 where tenant_id = :shop and month = :snapshot and not lapsed) as active_at_start,
                               count(*) as cohort, count(*) filter (where second_visit <= first_visit + 90) as cohort_returned
                          from customer_portfolio
                         where tenant_id = :shop and first_visit >= :cohortFrom and first_visit < :cohortUntil
                        """)
                .param("shop", CurrentTenant.require())
                .param("snapshot", period.snapshotAtStart())
                .param("cohortFrom", cohort.from())
                .param("cohortUntil", cohort.until())
                .query((rs, row) -> new StartCounts(rs.getLong("active_at_start"), rs.getLong("cohort"),
                        rs.getLong("cohort_returned")))
                .single();
    }

    /** How many customers bought in a period. */
    public long buyers(Period period) {
        return jdbc.sql("""
                        select count(distinct customer_id) from completed_purchase
                         where tenant_id = :shop and customer_id is not null
                           and business_date >= :from and business_date < :until
                        """)
                .param("shop", CurrentTenant.require()).param("from", period.from()).param("until", period.until())
                .query(Long.class).single();
    }

    /** New and repeat sales of each month, for the stacked bars. */
    public record MonthSales(LocalDate month, long newSales, long repeatSales, long walkInSales) {
    }

    public List<MonthSales> monthlySales(LocalDate fromMonth, LocalDate untilMonth) {
        return jdbc.sql("""
                        select date_trunc('month', p.business_date)::date as month,
                               coalesce(sum(p.total) filter (where p.customer_id is not null
                                   and coalesce(cp.first_visit, p.business_date) >= date_trunc('month', p.business_date)), 0) as new_sales,
                               coalesce(sum(p.total) filter (where p.customer_id is not null
                                   and cp.first_visit < date_trunc('month', p.business_date)), 0) as repeat_sales,
                               coalesce(sum(p.total) filter (where p.customer_id is null), 0) as walk_in_sales
                          from completed_purchase p
                          left join customer_portfolio cp on cp.tenant_id = :shop and cp.tenant_id = p.tenant_id
                                                         and cp.customer_id = p.customer_id
                         where p.tenant_id = :shop and p.business_date >= :from and p.business_date < :until
                         group by 1
                         order by 1
                        """)
                .param("shop", CurrentTenant.require()).param("from", fromMonth).param("until", untilMonth)
                .query((rs, row) -> new MonthSales(rs.getObject("month", LocalDate.class), rs.getLong("new_sales"),
                        rs.getLong("repeat_sales"), rs.getLong("walk_in_sales")))
                .list();
    }

    /**
     * Question 8: per category, the 優良 customers' share of their own spending against everyone's, its
     * lift, and how many of the 優良 customers bought in it.
     */
    public record CategoryPreference(long categoryId, String category, long topSales, long allSales, long topBuyers) {
    }

    /** Over the 365 days before {@code until}. */
    public List<CategoryPreference> categories(LocalDate until) {
        // no nested loops: a shop newer than the statistics is estimated at no rows (a nested loop once took 125 s)
        jdbc.sql("set local enable_nestloop = off").update();
        List<CategoryPreference> categories = jdbc.sql("""
                        -- Per category, what the 優良 customers spent, what everyone spent, and how many 優良 customers bought in it
                        with lines as (
                            select l.product_id, l.amount, p.customer_id, cp.segment = 'LOYAL' and not cp.lapsed as top
                              from purchase_line l
                              join completed_purchase p on p.tenant_id = :shop and p.tenant_id = l.tenant_id
                                                       and p.id = l.purchase_id
                              left join customer_portfolio cp on cp.tenant_id = :shop and cp.tenant_id = p.tenant_id
                                                             and cp.customer_id = p.customer_id
                             where l.tenant_id = :shop and p.customer_id is not null
                               and p.business_date >= cast(:until as date) - 365 and p.business_date < :until
                        )
                        select coalesce(c.id, 0) as category_id, c.name as category,
                               coalesce(sum(lines.amount) filter (where top), 0) as top_sales,
                               sum(lines.amount) as all_sales,
                               count(distinct lines.customer_id) filter (where top) as top_buyers
                          from lines
                          join product pr on pr.tenant_id = :shop and pr.id = lines.product_id
                          left join category c on c.tenant_id = :shop and c.tenant_id = pr.tenant_id and c.id = pr.category_id
                         group by c.id, c.name
                         order by 2 desc, 3 desc
                        """)
                .param("shop", CurrentTenant.require()).param("until", until)
                .query((rs, row) -> new CategoryPreference(rs.getLong("category_id"), rs.getString("category"),
                        rs.getLong("top_sales"), rs.getLong("all_sales"), rs.getLong("top_buyers")))
                .list();
        jdbc.sql("set local enable_nestloop = on").update();
        return categories;
    }
}
