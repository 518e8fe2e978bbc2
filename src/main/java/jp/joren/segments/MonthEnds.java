package jp.joren.segments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The month-end snapshots the night takes from the visits {@link PortfolioClassifier} gathered: each month's
 * cells, counts and movement, which of them are missing or stale, and forgetting them when the thresholds change.
 */
@Repository
@RequiredArgsConstructor
class MonthEnds {

    private final JdbcClient jdbc;

    /**
     * Every customer's cell at the close of the month before {@code monthAfter} (the first of a month), the
     * month's count per cell, and the movement from the close of the month before it. Both closes are read
     * from the same visits in one pass, each cut with its own month's thresholds; a customer with no visit
     * by the earlier close moves from nowhere (a null cell).
     */
    int snapshotMonth(LocalDate monthAfter, Thresholds thresholds, Thresholds before) {
        LocalDate month = monthAfter.minusMonths(1);
        for (String table : List.of("portfolio_snapshot", "portfolio_month_cell", "portfolio_movement")) {
            jdbc.sql("delete from " + table + " where tenant_id = ? and month = ?")
                    .params(CurrentTenant.require(), month).update();
        }
        return jdbc.sql("""
                        -- Each customer's cell at a month's close and at the close before: the snapshot, the count per cell, the movement
                        -- (the month's rows were deleted above; "on conflict" makes Citus insert the night's rows, not COPY them)
                        with m as (
                            select customer_id, count(*) as visits, max(day) as last_visit, max(day) - min(day) as tenure,
                                   sum(amount) as amount,
                                   count(*) filter (where day < :beforeAsOf) as before_visits,
                                   max(day) filter (where day < :beforeAsOf) as before_last_visit,
                                   max(day) filter (where day < :beforeAsOf) - min(day) as before_tenure,
                                   sum(amount) filter (where day < :beforeAsOf) as before_amount
                              from night_visit
                             where day < :asOf
                             group by customer_id
                        ), cells as materialized (
                            select customer_id, visits, amount, %s as segment, :asOf - last_visit >= :lapse as lapsed,
                                   case when before_visits = 0 then null else %s end as before_segment,
                                   case when before_visits = 0 then null
                                        else :beforeAsOf - before_last_visit >= :beforeLapse end as before_lapsed
                              from m
                        ), snapshot as (
                            insert into portfolio_snapshot (tenant_id, month, customer_id, visits, amount, segment, lapsed)
                            select app_current_tenant(), :month, customer_id, visits, amount, segment, lapsed from cells
                            on conflict do nothing
                        ), counts as (
                            insert into portfolio_month_cell (tenant_id, month, segment, lapsed, customers, amount)
                            select app_current_tenant(), :month, segment, lapsed, count(*), sum(amount)
                              from cells group by segment, lapsed
                            on conflict do nothing
                        )
                        insert into portfolio_movement (tenant_id, month, from_segment, from_lapsed, to_segment, to_lapsed,
                                                        customers)
                        select app_current_tenant(), :month, before_segment, before_lapsed, segment, lapsed, count(*)
                          from cells
                         group by before_segment, before_lapsed, segment, lapsed
                        on conflict do nothing
                        """.formatted(PortfolioClassifier.SEGMENT_RULE, PortfolioClassifier.segmentRule("before_visits", "before_tenure", "before_amount",
                        ":beforeFirst", ":beforeAmount", ":beforeSecond")))
                .param("month", month)
                .param("asOf", monthAfter)
                .param("beforeAsOf", month)
                .param("first", thresholds.firstTenureDays())
                .param("second", thresholds.secondTenureDays())
                .param("lapse", thresholds.lapseDays())
                .param("amount", thresholds.amountThreshold())
                .param("beforeFirst", before.firstTenureDays())
                .param("beforeSecond", before.secondTenureDays())
                .param("beforeLapse", before.lapseDays())
                .param("beforeAmount", before.amountThreshold())
                .update();
    }

    /**
     * The earliest business date of a purchase changed since the last night took its month ends (the
     * purchase table's triggers mark it, V27), and clears the mark: this night handles it.
     */
    Optional<LocalDate> staleSince() {
        return jdbc.sql("delete from portfolio_stale where tenant_id = :shop returning since")
                .param("shop", CurrentTenant.require())
                .query(LocalDate.class).optional();
    }

    /** Forgets the month-end bases after {@code day}, so that their snapshots are taken again. */
    void forgetMonthEndsAfter(LocalDate day) {
        jdbc.sql("delete from portfolio_basis where tenant_id = :shop and as_of > :day and extract(day from as_of) = 1")
                .param("shop", CurrentTenant.require()).param("day", day).update();
    }

    /** Month ends of the window whose snapshot has not been taken (each needs its first-of-month basis). */
    List<LocalDate> monthsWithoutSnapshot(LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        -- as two sets, not a subquery per month: Citus cannot correlate a table with generate_series
                        select m::date from generate_series(cast(:from as date), cast(:until as date), interval '1 month') m
                        except
                        select b.as_of from portfolio_basis b where b.tenant_id = :shop
                         order by 1
                        """)
                .param("shop", CurrentTenant.require()).param("from", from).param("until", until)
                .query(LocalDate.class).list();
    }

    /** Forgets the snapshots and bases, so the next classification takes them again with new thresholds. */
    void forgetHistory() {
        for (String table : List.of("portfolio_snapshot", "portfolio_month_cell", "portfolio_movement", "portfolio_basis")) {
            jdbc.sql("delete from " + table + " where tenant_id = ?").param(CurrentTenant.require()).update();
        }
    }
}
