package jp.joren.dashboard.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.joren.dashboard.period.PeriodReading;
import jp.joren.segments.Cell;
import jp.joren.segments.Segment;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's reads of last night's portfolio: its cells, who has not been seen, the intervals between
 * visits and who can be reached; each one pass over the classified customers.
 */
@Repository
@RequiredArgsConstructor
public class PortfolioReads {

    /** Days past the expected interval before a customer counts as overdue (DESIGN.md §6, early lapse). */
    public static final int GRACE_DAYS = 15;

    public record CellFigures(Cell cell, long customers, long sales, double averageTenureDays, double averageAmount) {

        /** The same cell with the sales of a period by the customers now in it. */
        public CellFigures withSales(long periodSales) {
            return new CellFigures(cell, customers, periodSales, averageTenureDays, averageAmount);
        }
    }

    public record Recency(long notSeenTwoToThreeMonths, long overdue, long loyal, long classified, long topDecile) {
    }

    public record Interval(boolean top, long customers, Double p25, Double median, Double p75) {
    }

    /** {@code emailNow}: of those reachable by email, the ones the frequency cap does not hold back today. */
    public record CellConsent(Cell cell, long customers, long email, long emailNow, long postal) {
    }

    /**
     * The customers of the shop {@code :shop} the frequency cap holds back: sent a promotion since
     * {@code :capSince}, or handed one to the mail server without an answer (it may have reached them).
     */
    public static final String CAPPED = """
            select distinct customer_id from outbox_message
             where tenant_id = :shop and promotional and ((status = 'SENT' and sent_at >= :capSince)
                                    or (status = 'UNCONFIRMED' and handed_over_at >= :capSince))""";

    private final JdbcClient jdbc;

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
                                 on e.tenant_id = :shop and e.tenant_id = cp.tenant_id and e.customer_id = cp.customer_id
                                and e.channel = 'EMAIL'
                          left join current_consent p
                                 on p.tenant_id = :shop and p.tenant_id = cp.tenant_id and p.customer_id = cp.customer_id
                                and p.channel = 'POSTAL'
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

    private static Cell cell(String segment, boolean lapsed) {
        return new Cell(Segment.valueOf(segment), lapsed);
    }
}
