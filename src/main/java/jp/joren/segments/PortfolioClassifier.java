package jp.joren.segments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based work of the night: the shop's visits are gathered once into a transaction-local table,
 * and every classification (today's here, and each missing month end in {@link MonthEnds}) is one statement
 * over it.
 * <p>
 * "As of d" means at the start of day d: completed purchases with a business date before d count. A visit
 * is a (customer, business date) with a completed purchase that holds at least one product not excluded
 * from the portfolio; its amount leaves the excluded lines out.
 */
@Repository
@RequiredArgsConstructor
class PortfolioClassifier {

    private final JdbcClient jdbc;

    /** Gathers the visits before {@code asOf}; returns how many there are. */
    int gatherVisits(LocalDate asOf) {
        // the night sorts every visit of the shop a few times; in memory rather than on disk
        jdbc.sql("set local work_mem = '64MB'").update();
        jdbc.sql("drop table if exists night_visit").update();
        List<Long> excluded = CountedVisits.excludedProducts(jdbc);
        var statement = jdbc.sql("""
                create temporary table night_visit on commit drop as
                select v.customer_id, v.day, v.amount,
                       row_number() over by_day as visit_no,
                       count(*) over by_customer as visits_of_customer,
                       v.day - lag(v.day) over by_day as gap
                  from (select p.customer_id, p.business_date as day, sum(p.amount) as amount
                          from (%s) p
                         group by p.customer_id, p.business_date) v
                window by_customer as (partition by v.customer_id),
                       by_day as (partition by v.customer_id order by v.day)
                """.formatted(CountedVisits.purchasesBefore(excluded)))
                .param("shop", CurrentTenant.require())
                .param("asOf", asOf);
        if (!excluded.isEmpty()) {
            statement = statement.param("excluded", excluded.toArray(Long[]::new));
        }
        // sorted once by customer and day, then grouped and windowed in that order: a hash of every visit
        // first, then a sort, was twice as slow
        jdbc.sql("set local enable_hashagg = off").update();
        int visits = statement.update();
        jdbc.sql("set local enable_hashagg = on").update();
        jdbc.sql("analyze night_visit").update();
        return visits;
    }

    /**
     * The shop-wide figures of the visits before {@code asOf} (which may be earlier than the gathering's).
     * The gap percentiles cost a sort of every visit, so they are taken only when asked for.
     */
    ShopFigures figures(LocalDate asOf, boolean withGaps) {
        return jdbc.sql("""
                        select count(*) as visits_total,
                               count(*) filter (where day >= cast(:asOf as date) - 365) as visits_last_year,
                               coalesce(sum(amount) filter (where day >= cast(:asOf as date) - 365), 0) as amount_last_year,
                               %s
                          from night_visit
                         where day < :asOf
                        """.formatted(withGaps ? """
                        percentile_disc(0.5) within group (order by gap) as median_gap,
                        percentile_disc(0.5) within group (order by gap) filter (where visit_no = 2) as median_first_gap,
                        percentile_disc(0.9) within group (order by gap) as gap_p90""" : """
                        null::integer as median_gap, null::integer as median_first_gap, null::integer as gap_p90"""))
                .param("asOf", asOf)
                .query((rs, row) -> new ShopFigures(rs.getInt("visits_total"), rs.getInt("visits_last_year"),
                        rs.getLong("amount_last_year"), rs.getObject("median_gap", Integer.class),
                        rs.getObject("median_first_gap", Integer.class), rs.getObject("gap_p90", Integer.class)))
                .single();
    }

    void recordBasis(LocalDate asOf, Thresholds thresholds, boolean amountFixed, ShopFigures figures) {
        jdbc.sql("""
                        -- the night's thresholds and shop figures the classification used, kept for the owner's page
                        insert into portfolio_basis (tenant_id, as_of, first_tenure_days, second_tenure_days, lapse_days,
                                                     amount_threshold, amount_is_fixed, visits_total, visits_last_year,
                                                     visit_amount_last_year, median_gap_days, median_first_gap_days,
                                                     gap_p90_days)
                        values (app_current_tenant(), :asOf, :first, :second, :lapse, :amount, :fixed, :visits,
                                :visitsLastYear, :visitAmount, :medianGap, :firstGap, :p90)
                        on conflict (tenant_id, as_of) do update
                           set first_tenure_days = excluded.first_tenure_days,
                               second_tenure_days = excluded.second_tenure_days, lapse_days = excluded.lapse_days,
                               amount_threshold = excluded.amount_threshold, amount_is_fixed = excluded.amount_is_fixed,
                               visits_total = excluded.visits_total, visits_last_year = excluded.visits_last_year,
                               visit_amount_last_year = excluded.visit_amount_last_year,
                               median_gap_days = excluded.median_gap_days,
                               median_first_gap_days = excluded.median_first_gap_days,
                               gap_p90_days = excluded.gap_p90_days, computed_at = excluded.computed_at
                        """)
                .param("asOf", asOf)
                .param("first", thresholds.firstTenureDays())
                .param("second", thresholds.secondTenureDays())
                .param("lapse", thresholds.lapseDays())
                .param("amount", thresholds.amountThreshold())
                .param("fixed", amountFixed)
                .param("visits", figures.visitsTotal())
                .param("visitsLastYear", figures.visitsLastYear())
                .param("visitAmount", figures.visitsLastYear() == 0 ? null
                        : Math.round((double) figures.amountLastYear() / figures.visitsLastYear()))
                .param("medianGap", figures.medianGapDays())
                .param("firstGap", figures.medianFirstGapDays())
                .param("p90", figures.gapP90Days())
                .update();
    }

    /**
     * Every customer's current metrics and cell, as of the gathering's date. The expected interval follows
     * DESIGN.md §6: the median of the last 3 gaps from 4 visits on; with 2–3 visits the mean of the own gaps
     * blended half and half with the shop's median gap; with one visit the shop's median first-to-second gap
     * (30 days when unknown).
     */
    int classifyCustomers(LocalDate asOf, Thresholds thresholds, ShopFigures figures) {
        // Only the rows that changed are written: most customers neither came nor crossed a threshold since
        // the night before, and rewriting them all left a dead row per customer every night. The table's
        // statistics can be stale (right after a shop's first night, and the application may not analyse
        // it); a nested loop over a table believed empty is quadratic, so the joins here are hashed or
        // merged whatever the estimates.
        jdbc.sql("set local enable_nestloop = off").update();
        jdbc.sql(withValues("""
                        -- Every customer's visits, tenure, amount, expected interval and cell from the gathered visits; only changed rows are written
                        with computed as materialized (
                            select customer_id, visits, first_visit, second_visit, last_visit, tenure, amount,
                                   case when visits >= 4 then last_gaps_sum - last_gaps_max - last_gaps_min
                                        when visits >= 2 then round((tenure::numeric / (visits - 1) + :medianGap) / 2)
                                        else :firstGap end as expected,
                                   %s as segment, :asOf - last_visit >= :lapse as lapsed
                              from (select customer_id, count(*) as visits, min(day) as first_visit,
                                           min(day) filter (where visit_no = 2) as second_visit, max(day) as last_visit,
                                           max(day) - min(day) as tenure, sum(amount) as amount,
                                           sum(gap) filter (where visit_no > visits_of_customer - 3) as last_gaps_sum,
                                           max(gap) filter (where visit_no > visits_of_customer - 3) as last_gaps_max,
                                           min(gap) filter (where visit_no > visits_of_customer - 3) as last_gaps_min
                                      from night_visit
                                     group by customer_id) m
                        ), changed as (
                            update customer_portfolio cp
                               set visits = c.visits, first_visit = c.first_visit, second_visit = c.second_visit,
                                   last_visit = c.last_visit, tenure_days = c.tenure, amount = c.amount,
                                   expected_interval_days = c.expected, segment = c.segment, lapsed = c.lapsed
                              from computed c
                             where cp.tenant_id = :shop and cp.customer_id = c.customer_id
                               and (cp.visits, cp.first_visit, cp.second_visit, cp.last_visit, cp.amount,
                                    cp.expected_interval_days, cp.segment, cp.lapsed)
                                   is distinct from (c.visits, c.first_visit, c.second_visit, c.last_visit, c.amount,
                                                     c.expected, c.segment, c.lapsed)
                        ), gone as (
                            delete from customer_portfolio cp
                             where cp.tenant_id = :shop
                               and not exists (select 1 from computed c where c.customer_id = cp.customer_id)
                        )
                        insert into customer_portfolio (tenant_id, customer_id, visits, first_visit, second_visit, last_visit,
                                                        tenure_days, amount, expected_interval_days, segment, lapsed)
                        select :shop, customer_id, visits, first_visit, second_visit, last_visit, tenure,
                               amount, expected, segment, lapsed
                          from computed
                            on conflict (tenant_id, customer_id) do nothing
                        """.formatted(SEGMENT_RULE), Map.of(
                        "shop", CurrentTenant.require(),
                        "asOf", asOf,
                        "medianGap", figures.medianGapDays() == null ? DEFAULT_GAP_DAYS : figures.medianGapDays(),
                        "firstGap", figures.medianFirstGapDays() == null ? DEFAULT_GAP_DAYS : figures.medianFirstGapDays(),
                        "first", thresholds.firstTenureDays(),
                        "second", thresholds.secondTenureDays(),
                        "lapse", thresholds.lapseDays(),
                        "amount", thresholds.amountThreshold())))
                .update();
        jdbc.sql("set local enable_nestloop = on").update();
        jdbc.sql("""
                        insert into portfolio_classification (tenant_id, as_of) values (app_current_tenant(), ?)
                        on conflict (tenant_id) do update set as_of = excluded.as_of, classified_at = excluded.classified_at
                        """)
                .param(asOf).update();
        return jdbc.sql("select count(*) from customer_portfolio where tenant_id = ?").param(CurrentTenant.require())
                .query(Integer.class).single();
    }

    static final int DEFAULT_GAP_DAYS = 30;

    /**
     * The statement with its named values written in as literals: numbers, and dates as {@code date '…'}. Citus plans
     * an insert from modifying CTEs over the night's temporary table only when nothing in it is a parameter ("could
     * not create distributed plan"); the values are the night's own numbers and date, never text from a person.
     */
    static String withValues(String sql, Map<String, Object> values) {
        String written = sql;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            Object v = value.getValue();
            String literal;
            if (v instanceof LocalDate date) {
                literal = "date '" + date + "'";
            } else if (v instanceof Integer || v instanceof Long) {
                literal = v.toString();
            } else {
                throw new IllegalArgumentException("not a number or a date: " + v);
            }
            written = written.replaceAll(":" + value.getKey() + "\\b", literal);
        }
        return written;
    }

    /** The rule of {@link Thresholds#cellOf}, for a whole table at once: the schema's portfolio_segment (V40). */
    static final String SEGMENT_RULE = segmentRule("visits", "tenure", "amount", ":first", ":amount", ":second");

    static String segmentRule(String visits, String tenure, String amount, String first, String amountThreshold,
            String second) {
        return "portfolio_segment(%s, %s, %s, %s, %s, %s)".formatted(visits, tenure, amount, first, amountThreshold,
                second);
    }
}
