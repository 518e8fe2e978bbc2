package jp.joren.dashboard.audience;

import jp.joren.dashboard.period.BuyerMovement;
import jp.joren.dashboard.period.TradeArea;
import jp.joren.dashboard.portfolio.PortfolioReads;
import jp.joren.dashboard.portfolio.SecondVisits;

/**
 * The customers behind a number of the dashboard, as a query of customer ids. Parameters: {@code shop} (named
 * on every table the query reads), {@code from},
 * {@code until} and {@code before} (the period and the one before it), {@code snapshot} (the month-end
 * snapshot at the period's start), {@code cohortFrom}/{@code cohortUntil}, {@code today}, and where an
 * audience names one: {@code segment}/{@code lapsed} (a cell), {@code visits}, {@code tier}, {@code town},
 * {@code towns} (the neighbourhood), {@code category} (a category's id, 0 for products without one),
 * {@code step} (a step of the second-visit follow-up), {@code capSince} (the start of the frequency cap's
 * window), {@code days} (a window after the first visit).
 */
public enum Audience {
    BUYERS(BuyerMovement.BUYERS),
    NEW(BuyerMovement.BUYERS_MOVED + " where " + BuyerMovement.IS_NEW),
    /** Everyone who bought and is not new: the same split as the figures. */
    REPEAT(BuyerMovement.BUYERS_MOVED + " where not " + BuyerMovement.IS_NEW),
    LOYAL_BUYERS("""
            select b.customer_id from (%s) b
              join portfolio_snapshot s on s.tenant_id = :shop and s.customer_id = b.customer_id and s.month = :snapshot
                                       and s.segment = 'LOYAL'
            """.formatted(BuyerMovement.BUYERS)),
    RETURNED(BuyerMovement.BUYERS_MOVED + " where " + BuyerMovement.IS_RETURNED),
    LOST("""
            select bb.customer_id from (%s) bb
              left join (%s) b on b.customer_id = bb.customer_id
             where b.customer_id is null
            """.formatted(BuyerMovement.BUYERS_BEFORE, BuyerMovement.BUYERS)),
    ACTIVE_AT_START("select customer_id from portfolio_snapshot where tenant_id = :shop and month = :snapshot and not lapsed"),
    COHORT("""
            select customer_id from customer_portfolio
             where tenant_id = :shop and first_visit >= :cohortFrom and first_visit < :cohortUntil
            """),
    COHORT_RETURNED("""
            select customer_id from customer_portfolio
             where tenant_id = :shop and first_visit >= :cohortFrom and first_visit < :cohortUntil
               and second_visit <= first_visit + 90
            """),
    /** The heat map of question 5: the customers who first came in {@code month}. */
    MONTH_COHORT(Sql.MONTH_COHORT),
    /** Those of them whose second visit came within {@code days} of the first. */
    MONTH_COHORT_RETURNED(Sql.MONTH_COHORT + " and second_visit - first_visit <= :days"),
    NOT_SEEN_TWO_TO_THREE_MONTHS(
            "select customer_id from customer_portfolio where tenant_id = :shop and :today - last_visit between 60 and 90"),
    OVERDUE("""
            select customer_id from customer_portfolio
             where tenant_id = :shop and not lapsed and :today - last_visit > expected_interval_days + %d
            """.formatted(PortfolioReads.GRACE_DAYS)),
    /**
     * Worth a personal call: the forecast gives them between 20% and 60% of still being a customer, and what
     * they would spend in a year if they stay is among the shop's top fifth.
     */
    WORTH_A_CALL("""
            select customer_id from customer_forecast
             where tenant_id = :shop and probability_active >= 0.2 and probability_active < 0.6
               and expected_value_12m / nullif(probability_active, 0) >= (
                   select percentile_disc(0.8) within group (order by expected_value_12m / nullif(probability_active, 0))
                     from customer_forecast where tenant_id = :shop and probability_active > 0)
            """),
    CELL("select customer_id from customer_portfolio where tenant_id = :shop and segment = :segment and lapsed = :lapsed"),
    TOP("select customer_id from customer_portfolio where tenant_id = :shop and segment = 'LOYAL' and not lapsed"),
    /** Question 6: the tenth of the customers with the largest cumulative amount. */
    TOP_DECILE("""
            select customer_id from customer_portfolio
             where tenant_id = :shop
             order by amount desc, customer_id
             limit (select (count(*) + 9) / 10 from customer_portfolio where tenant_id = :shop)
            """),
    /** Question 9: the customers of a cell who can be reached by email. */
    REACH_EMAIL(Sql.CELL_REACH + " and e.channel = 'EMAIL' and e.granted"),
    /** Question 9: of those, the ones the frequency cap does not hold back ({@code capSince}). */
    REACH_EMAIL_NOW(Sql.CELL_REACH + """
               and e.channel = 'EMAIL' and e.granted
               and cp.customer_id not in (%s)
            """.formatted(PortfolioReads.CAPPED)),
    /** Question 9: the customers of a cell who can be reached by post. */
    REACH_POSTAL(Sql.CELL_REACH + " and e.channel = 'POSTAL' and e.granted"),
    /** Customers in a cell at a month's close. */
    MONTH_CELL("""
            select customer_id from portfolio_snapshot
             where tenant_id = :shop and month = :month and segment = :segment and lapsed = :lapsed
            """),
    /** Customers in a cell at a month's close who were in another (or none) at the close before. */
    MOVED("""
            select t.customer_id from portfolio_snapshot t
              left join portfolio_snapshot f on f.tenant_id = :shop and f.tenant_id = t.tenant_id
                                            and f.customer_id = t.customer_id and f.month = :monthBefore
             where t.tenant_id = :shop and t.month = :month and t.segment = :segment and t.lapsed = :lapsed
               and (case when cast(:fromSegment as text) is null then f.customer_id is null
                         else f.segment = :fromSegment and f.lapsed = :fromLapsed end)
            """),
    /** Question 7: the 優良 customers whose intervals are measured (two visits or more in the trailing year). */
    TOP_REPEATERS(Sql.REPEATERS + " and segment = 'LOYAL'"),
    /** Question 7: everyone else whose intervals are measured. */
    OTHER_REPEATERS(Sql.REPEATERS + " and segment <> 'LOYAL'"),
    /** Question 8: the 優良 customers (today) who bought in a category over the trailing year. */
    TOP_CATEGORY_BUYERS("""
            select distinct p.customer_id
              from completed_purchase p
              join customer_portfolio cp on cp.tenant_id = :shop and cp.tenant_id = p.tenant_id
                                        and cp.customer_id = p.customer_id and cp.segment = 'LOYAL' and not cp.lapsed
              join purchase_line l on l.tenant_id = :shop and l.tenant_id = p.tenant_id and l.purchase_id = p.id
              join product pr on pr.tenant_id = :shop and pr.tenant_id = l.tenant_id and pr.id = l.product_id
             where p.tenant_id = :shop and p.business_date >= cast(:today as date) - 365 and p.business_date < :today
               and coalesce(pr.category_id, 0) = :category
            """),
    /** Question 10: the new customers of the funnel's year who were sent a step of the follow-up. */
    FOLLOW_UP_SENT("select cp.customer_id " + SecondVisits.FOLLOW_UPS_SENT + " and m.occasion = :step"),
    /** Question 10: those of them who came back after it. */
    FOLLOW_UP_CONVERTED("select cp.customer_id " + SecondVisits.FOLLOW_UPS_SENT + " and m.occasion = :step and "
            + SecondVisits.CAME_BACK_AFTER_FOLLOW_UP),
    FUNNEL("""
            select customer_id from customer_portfolio
             where tenant_id = :shop and first_visit >= cast(:until as date) - 365 and first_visit < :until
               and visits >= :visits
            """),
    TIER("""
            select c.id from customer c
             where c.tenant_id = :shop and c.status = 'ACTIVE' and %s = :tier
            """.formatted(TradeArea.TIER)),
    TIER_ACTIVE("""
            select c.id from customer c
              join customer_portfolio cp on cp.tenant_id = :shop and cp.tenant_id = c.tenant_id and cp.customer_id = c.id
                                        and not cp.lapsed
             where c.tenant_id = :shop and c.status = 'ACTIVE' and %s = :tier
            """.formatted(TradeArea.TIER)),
    TOWN_ACTIVE("""
            select c.id from customer c
              join customer_portfolio cp on cp.tenant_id = :shop and cp.tenant_id = c.tenant_id and cp.customer_id = c.id
                                        and not cp.lapsed
             where c.tenant_id = :shop and c.status = 'ACTIVE' and coalesce(nullif(trim(c.town), ''), '') = :town and %s = :tier
            """.formatted(TradeArea.TIER)),
    TOWN("""
            select c.id from customer c
             where c.tenant_id = :shop and c.status = 'ACTIVE' and coalesce(nullif(trim(c.town), ''), '') = :town and %s = :tier
            """.formatted(TradeArea.TIER));

    private static final class Sql {
        static final String MONTH_COHORT = """
                select customer_id from customer_portfolio
                 where tenant_id = :shop and first_visit >= :month and first_visit < (cast(:month as date) + interval '1 month')::date""";
        static final String CELL_REACH = """
                select cp.customer_id from customer_portfolio cp
                  join current_consent e on e.tenant_id = :shop and e.tenant_id = cp.tenant_id
                                        and e.customer_id = cp.customer_id
                 where cp.tenant_id = :shop and cp.segment = :segment and cp.lapsed = :lapsed
                """;
        static final String REPEATERS = """
                select customer_id from customer_portfolio
                 where tenant_id = :shop and visits >= 2 and last_visit >= cast(:until as date) - 365 and last_visit < :until""";
    }

    final String sql;

    Audience(String sql) {
        this.sql = sql;
    }

    public String messageKey() {
        return "dashboard.audience." + name();
    }
}
