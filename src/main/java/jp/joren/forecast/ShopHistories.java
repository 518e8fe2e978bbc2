package jp.joren.forecast;

import java.time.LocalDate;
import java.util.List;

import jp.joren.segments.CountedVisits;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every customer's visits as the models see them, in one set-based read: a visit is a day with a completed
 * purchase (as in the portfolio), counted before the as-of date; the observation ends with the day before.
 */
@Repository
@RequiredArgsConstructor
class ShopHistories {

    record CustomerHistory(long customerId, VisitHistory visits) {
    }

    /** A customer's history up to a cut-off, and the visits they made from it on: a hold-out to check with. */
    record HeldOut(VisitHistory beforeCutoff, int visitsAfter) {
    }

    private static final double DAYS_PER_WEEK = 7;

    private final JdbcClient jdbc;

    List<CustomerHistory> asOf(LocalDate asOf) {
        List<Long> excluded = CountedVisits.excludedProducts(jdbc);
        // the purchase_visits index hands the purchases over in (customer, day) order: grouped and
        // numbered in that order without a sort
        return jdbc.sql("""
                        select customer_id, count(*) - 1 as repeat_visits,
                               max(day) - min(day) as days_to_last, cast(:asOf as date) - 1 - min(day) as days_observed,
                               coalesce(sum(amount) filter (where visit_no > 1), 0) as repeat_amount
                          from (select customer_id, business_date as day, sum(amount) as amount,
                                       row_number() over (partition by customer_id order by business_date) as visit_no
                                  from (%s) p
                                 group by customer_id, business_date) v
                         group by customer_id
                        """.formatted(CountedVisits.purchasesBefore(excluded)))
                .param("shop", CurrentTenant.require())
                .param("asOf", asOf)
                .param("excluded", excluded.toArray(Long[]::new))
                .query((rs, row) -> {
                    int repeat = rs.getInt("repeat_visits");
                    return new CustomerHistory(rs.getLong("customer_id"), new VisitHistory(repeat,
                            rs.getInt("days_to_last") / DAYS_PER_WEEK, rs.getInt("days_observed") / DAYS_PER_WEEK,
                            repeat == 0 ? 0 : (double) rs.getLong("repeat_amount") / repeat));
                })
                .list();
    }

    /** Every customer who came before {@code cutoff}: their history then, and their visits up to {@code asOf}. */
    List<HeldOut> heldOut(LocalDate cutoff, LocalDate asOf) {
        List<Long> excluded = CountedVisits.excludedProducts(jdbc);
        return jdbc.sql("""
                        select count(*) filter (where day < :cutoff) - 1 as repeat_visits,
                               max(day) filter (where day < :cutoff) - min(day) as days_to_last,
                               cast(:cutoff as date) - 1 - min(day) as days_observed,
                               count(*) filter (where day >= :cutoff) as visits_after
                          from (select customer_id, business_date as day
                                  from (%s) p
                                 group by customer_id, business_date) v
                         group by customer_id
                        having min(day) < :cutoff
                        """.formatted(CountedVisits.purchasesBefore(excluded)))
                .param("shop", CurrentTenant.require())
                .param("cutoff", cutoff)
                .param("asOf", asOf)
                .param("excluded", excluded.toArray(Long[]::new))
                .query((rs, row) -> new HeldOut(new VisitHistory(rs.getInt("repeat_visits"),
                        rs.getInt("days_to_last") / DAYS_PER_WEEK, rs.getInt("days_observed") / DAYS_PER_WEEK, 0),
                        rs.getInt("visits_after")))
                .list();
    }
}
