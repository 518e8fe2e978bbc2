package jp.joren.dashboard.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.joren.dashboard.pages.Charts;
import jp.joren.dashboard.period.PeriodReading;
import jp.joren.reminders.FollowUpStep;
import jp.joren.segments.Cell;
import jp.joren.segments.Segment;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's reads of last night's portfolio and its month-end summaries: small tables, or one pass
 * over the classified customers.
 */
@Repository
public class PortfolioReads {

    /** Days past the expected interval before a customer counts as overdue (DESIGN.md §6, early lapse). */
    public static final int GRACE_DAYS = 15;

    public record CellFigures(Cell cell, long customers, long sales, double averageTenureDays, double averageAmount) {

        /** The same cell with the sales of a period by the customers now in it. */
        public CellFigures withSales(long periodSales) {
            return new CellFigures(cell, customers, periodSales, averageTenureDays, averageAmount);
        }
    }

    public record Move(Cell from, Cell to, long customers) {
    }

    public record MonthCell(LocalDate month, Cell cell, long customers) {
    }

    public record Recency(long notSeenTwoToThreeMonths, long overdue, long loyal, long classified, long topDecile) {
    }

    public record Interval(boolean top, long customers, Double p25, Double median, Double p75) {
    }

    public record Funnel(long first, long second, long third, long fourth, long fifthOrMore, Double medianDaysToSecond) {

        public record Step(int visits, long customers, Double share, int widthStep) {
        }

        public List<Step> steps() {
            long[] counts = {first, second, third, fourth, fifthOrMore};
            List<Step> steps = new java.util.ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                steps.add(new Step(i + 1, counts[i], first == 0 ? null : (double) counts[i] / first,
                        Charts.widthStep(counts[i], first)));
            }
            return steps;
        }
    }

    /** A month's new customers; for each window whether it is over for all of them yet, and who came back. */
    public record Cohort(LocalDate month, long size, long[] returned, boolean[] known) {

        public List<Integer> windows() {
            return java.util.stream.IntStream.range(0, COHORT_WINDOWS.length).boxed().toList();
        }

        public Double rate(int window) {
            return size == 0 ? null : (double) returned[window] / size;
        }

        public String css(int window) {
            return known[window] ? "heat-" + Charts.heat(rate(window) == null ? 0 : rate(window)) : "unknown";
        }
    }

    /** {@code emailNow}: of those reachable by email, the ones the frequency cap does not hold back today. */
    public record CellConsent(Cell cell, long customers, long email, long emailNow, long postal) {
    }

    /** A step of the second-visit follow-up: messages sent, and the customers who came back after it. */
    public record FollowUp(FollowUpStep step, long sent, long converted) {

        public Double conversion() {
            return sent == 0 ? null : (double) converted / sent;
        }
    }

    /**
     * A follow-up {@code m} worked for the customer's portfolio row {@code cp}: the second visit came on or
     * after the day it was sent (in the shop's time zone), within 90 days of the first.
     */
    public static final String CAME_BACK_AFTER_FOLLOW_UP = """
            cp.second_visit >= (m.sent_at at time zone (select time_zone from shop))::date
            and cp.second_visit <= cp.first_visit + 90""";

    /**
     * The customers of the shop {@code :shop} the frequency cap holds back: sent a promotion since
     * {@code :capSince}, or handed one to the mail server without an answer (it may have reached them).
     */
    public static final String CAPPED = """
            select distinct customer_id from outbox_message
             where tenant_id = :shop and promotional and ((status = 'SENT' and sent_at >= :capSince)
                                    or (status = 'UNCONFIRMED' and handed_over_at >= :capSince))""";

    /**
     * The second-visit follow-ups {@code m} of the shop {@code :shop} sent to the customers {@code cp} who first
     * came in the 365 days before {@code :until} (the funnel's new customers).
     */
    public static final String FOLLOW_UPS_SENT = """
              from outbox_message m
              join customer_portfolio cp on cp.tenant_id = m.tenant_id and cp.customer_id = m.customer_id
             where m.tenant_id = :shop and m.rule = '%s' and m.status = 'SENT'
               and cp.first_visit >= cast(:until as date) - 365 and cp.first_visit < :until
            """.formatted(FollowUpStep.RULE);

    private final JdbcClient jdbc;

    PortfolioReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shop's current classification: as of which day, and when it was made (a run by hand makes another). */
    public record Classification(LocalDate asOf, Instant classifiedAt) {
    }

    public Optional<Classification> classification() {
        return jdbc.sql("select as_of, classified_at from portfolio_classification where tenant_id = :shop")
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> new Classification(rs.getObject("as_of", LocalDate.class),
                        rs.getTimestamp("classified_at").toInstant()))
                .optional();
    }

    /**
     * The earliest day whose purchases changed after the month ends from it on were taken (an import of older
     * history, a correction): tonight's run takes them again; until then they do not count those changes.
     */
    public Optional<LocalDate> monthEndsStaleSince() {
        return jdbc.sql("select since from portfolio_stale where tenant_id = :shop")
                .param("shop", CurrentTenant.require())
                .query(LocalDate.class).optional();
    }

    /** Last night's cells: customers, average tenure and amount; a period's sales come from its {@link PeriodReading}. */
    public List<CellFigures> cells() {
        return jdbc.sql("""
                        select segment, lapsed, count(*) as customers, avg(tenure_days) as tenure, avg(amount) as amount
                          from customer_portfolio
                         where tenant_id = :shop
                         group by segment, lapsed
                        """)
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> new CellFigures(cell(rs.getString("segment"), rs.getBoolean("lapsed")),
                        rs.getLong("customers"), 0, rs.getDouble("tenure"), rs.getDouble("amount")))
                .list();
    }

    public List<Move> movement(LocalDate month) {
        return jdbc.sql("""
                        select from_segment, from_lapsed, to_segment, to_lapsed, customers
                          from portfolio_movement where tenant_id = ? and month = ?
                        """)
                .params(CurrentTenant.require(), month)
                .query((rs, row) -> new Move(
                        rs.getString("from_segment") == null ? null
                                : cell(rs.getString("from_segment"), rs.getBoolean("from_lapsed")),
                        cell(rs.getString("to_segment"), rs.getBoolean("to_lapsed")), rs.getLong("customers")))
                .list();
    }

    /** The latest month whose movement is known, no later than {@code month}. */
    public Optional<LocalDate> latestMovementMonth(LocalDate month) {
        return jdbc.sql("select max(month) from portfolio_movement where tenant_id = ? and month <= ?")
                .params(CurrentTenant.require(), month)
                .query(LocalDate.class).optional();
    }

    public Optional<LocalDate> latestClosedMonth(LocalDate month) {
        return jdbc.sql("select max(month) from portfolio_month_cell where tenant_id = ? and month <= ?")
                .params(CurrentTenant.require(), month)
                .query(LocalDate.class).optional();
    }

    public List<MonthCell> trend(LocalDate fromMonth, LocalDate toMonth) {
        return jdbc.sql("""
                        select month, segment, lapsed, customers from portfolio_month_cell
                         where tenant_id = ? and month >= ? and month <= ? order by month
                        """)
                .params(CurrentTenant.require(), fromMonth, toMonth)
                .query((rs, row) -> new MonthCell(rs.getObject("month", LocalDate.class),
                        cell(rs.getString("segment"), rs.getBoolean("lapsed")), rs.getLong("customers")))
                .list();
    }

    /** Questions 3 and 6, counted on the days since last night as well. */
    public Recency recency(LocalDate today) {
        return jdbc.sql("""
                        select count(*) filter (where :today - last_visit between 60 and 90) as two_to_three,
                               count(*) filter (where not lapsed and :today - last_visit > expected_interval_days + :grace) as overdue,
                               count(*) filter (where segment = 'LOYAL' and not lapsed) as loyal,
                               count(*) as classified
                          from customer_portfolio
                         where tenant_id = :shop
                        """)
                .param("shop", CurrentTenant.require()).param("today", today).param("grace", GRACE_DAYS)
                .query((rs, row) -> new Recency(rs.getLong("two_to_three"), rs.getLong("overdue"), rs.getLong("loyal"),
                        rs.getLong("classified"), (rs.getLong("classified") + 9) / 10))
                .single();
    }

    /**
     * Question 7: the spread of customers' own average interval between visits (tenure ÷ gaps), for the
     * 優良 customers and the others who visited in the 365 days before {@code until}.
     */
    public List<Interval> intervals(LocalDate until) {
        return jdbc.sql("""
                        select segment = 'LOYAL' as top, count(*) as customers,
                               percentile_cont(0.25) within group (order by tenure_days::numeric / (visits - 1)) as p25,
                               percentile_cont(0.5) within group (order by tenure_days::numeric / (visits - 1)) as median,
                               percentile_cont(0.75) within group (order by tenure_days::numeric / (visits - 1)) as p75
                          from customer_portfolio
                         where tenant_id = :shop and visits >= 2
                           and last_visit >= cast(:until as date) - 365 and last_visit < :until
                         group by segment = 'LOYAL'
                         order by 1 desc
                        """)
                .param("shop", CurrentTenant.require()).param("until", until)
                .query((rs, row) -> new Interval(rs.getBoolean("top"), rs.getLong("customers"),
                        rs.getObject("p25", Double.class), rs.getObject("median", Double.class),
                        rs.getObject("p75", Double.class)))
                .list();
    }

    /** Question 10: how far the customers who first came in the 365 days before {@code until} have got. */
    public Funnel funnel(LocalDate until) {
        return jdbc.sql("""
                        select count(*) as first, count(*) filter (where visits >= 2) as second,
                               count(*) filter (where visits >= 3) as third, count(*) filter (where visits >= 4) as fourth,
                               count(*) filter (where visits >= 5) as fifth,
                               percentile_cont(0.5) within group (order by second_visit - first_visit) as days_to_second
                          from customer_portfolio
                         where tenant_id = :shop and first_visit >= cast(:until as date) - 365 and first_visit < :until
                        """)
                .param("shop", CurrentTenant.require()).param("until", until)
                .query((rs, row) -> new Funnel(rs.getLong("first"), rs.getLong("second"), rs.getLong("third"),
                        rs.getLong("fourth"), rs.getLong("fifth"), rs.getObject("days_to_second", Double.class)))
                .single();
    }

    public static final int[] COHORT_WINDOWS = {30, 60, 90, 180, 365};

    /** Question 5: for each month's new customers, the share with a second visit within 30 … 365 days. */
    public List<Cohort> cohorts(LocalDate fromMonth, LocalDate untilMonth, LocalDate asOf) {
        return jdbc.sql("""
                        select date_trunc('month', first_visit)::date as month, count(*) as size,
                               count(*) filter (where second_visit - first_visit <= 30) as d30,
                               count(*) filter (where second_visit - first_visit <= 60) as d60,
                               count(*) filter (where second_visit - first_visit <= 90) as d90,
                               count(*) filter (where second_visit - first_visit <= 180) as d180,
                               count(*) filter (where second_visit - first_visit <= 365) as d365
                          from customer_portfolio
                         where tenant_id = ? and first_visit >= ? and first_visit < ?
                         group by 1 order by 1
                        """)
                .params(CurrentTenant.require(), fromMonth, untilMonth)
                .query((rs, row) -> {
                    LocalDate month = rs.getObject("month", LocalDate.class);
                    long[] returned = new long[COHORT_WINDOWS.length];
                    boolean[] known = new boolean[COHORT_WINDOWS.length];
                    for (int i = 0; i < COHORT_WINDOWS.length; i++) {
                        returned[i] = rs.getLong("d" + COHORT_WINDOWS[i]);
                        // only when the whole cohort has had the full window
                        known[i] = !month.plusMonths(1).plusDays(COHORT_WINDOWS[i]).isAfter(asOf);
                    }
                    return new Cohort(month, rs.getLong("size"), returned, known);
                })
                .list();
    }

    /**
     * Question 9: each cell with how many of its customers can be reached by email and by post, and how many
     * of those by email could be sent a promotion now: no promotional message since {@code capSince}.
     */
    public List<CellConsent> reach(Instant capSince) {
        return jdbc.sql("""
                        with capped as (%s)
                        select cp.segment, cp.lapsed, count(*) as customers,
                               count(*) filter (where e.granted) as email,
                               count(*) filter (where e.granted and c.customer_id is null) as email_now,
                               count(*) filter (where p.granted) as postal
                          from customer_portfolio cp
                          left join current_consent e
                                 on e.tenant_id = cp.tenant_id and e.customer_id = cp.customer_id and e.channel = 'EMAIL'
                          left join current_consent p
                                 on p.tenant_id = cp.tenant_id and p.customer_id = cp.customer_id and p.channel = 'POSTAL'
                          left join capped c on c.customer_id = cp.customer_id
                         where cp.tenant_id = :shop
                         group by cp.segment, cp.lapsed
                        """.formatted(CAPPED))
                .param("shop", CurrentTenant.require())
                .param("capSince", java.sql.Timestamp.from(capSince))
                .query((rs, row) -> new CellConsent(cell(rs.getString("segment"), rs.getBoolean("lapsed")),
                        rs.getLong("customers"), rs.getLong("email"), rs.getLong("email_now"), rs.getLong("postal")))
                .list();
    }

    /**
     * Question 10, the follow-ups: per step, how many of the customers who first came in the 365 days before
     * {@code until} were sent it, and how many of those came back for a second visit after it, within the
     * 90 days the method aims at.
     */
    public List<FollowUp> followUps(LocalDate until) {
        Map<FollowUpStep, FollowUp> sent = new EnumMap<>(FollowUpStep.class);
        jdbc.sql("""
                        select m.occasion, count(*) as sent, count(*) filter (where %s) as converted
                        %s
                         group by m.occasion
                        """.formatted(CAME_BACK_AFTER_FOLLOW_UP, FOLLOW_UPS_SENT))
                .param("shop", CurrentTenant.require()).param("until", until)
                .query(rs -> {
                    FollowUpStep step = FollowUpStep.valueOf(rs.getString("occasion"));
                    sent.put(step, new FollowUp(step, rs.getLong("sent"), rs.getLong("converted")));
                });
        return Arrays.stream(FollowUpStep.values()).map(step -> sent.getOrDefault(step, new FollowUp(step, 0, 0))).toList();
    }

    private static Cell cell(String segment, boolean lapsed) {
        return new Cell(Segment.valueOf(segment), lapsed);
    }
}
