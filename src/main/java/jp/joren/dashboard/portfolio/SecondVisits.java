package jp.joren.dashboard.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jp.joren.dashboard.pages.Charts;
import jp.joren.reminders.FollowUpStep;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * New customers on their way to a second visit: how far the year's new customers have got, the follow-ups sent
 * to bring them back and what they did, and each month's new customers coming back within 30 … 365 days.
 */
@Repository
@RequiredArgsConstructor
public class SecondVisits {

    public static final int[] COHORT_WINDOWS = {30, 60, 90, 180, 365};

    public record Funnel(long first, long second, long third, long fourth, long fifthOrMore, Double medianDaysToSecond) {

        public record Step(int visits, long customers, Double share, int widthStep) {
        }

        public List<Step> steps() {
            long[] counts = {first, second, third, fourth, fifthOrMore};
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                steps.add(new Step(i + 1, counts[i], first == 0 ? null : (double) counts[i] / first,
                        Charts.widthStep(counts[i], first)));
            }
            return steps;
        }
    }

    /** A step of the second-visit follow-up: messages sent, and the customers who came back after it. */
    public record FollowUp(FollowUpStep step, long sent, long converted) {

        public Double conversion() {
            return sent == 0 ? null : (double) converted / sent;
        }
    }

    /** A month's new customers; for each window whether it is over for all of them yet, and who came back. */
    public record Cohort(LocalDate month, long size, long[] returned, boolean[] known) {

        public List<Integer> windows() {
            return IntStream.range(0, COHORT_WINDOWS.length).boxed().toList();
        }

        public Double rate(int window) {
            return size == 0 ? null : (double) returned[window] / size;
        }

        public String css(int window) {
            return known[window] ? "heat-" + Charts.heat(rate(window) == null ? 0 : rate(window)) : "unknown";
        }
    }

    /**
     * A follow-up {@code m} worked for the customer's portfolio row {@code cp}: the second visit came on or
     * after the day it was sent (in the shop's time zone), within 90 days of the first.
     */
    public static final String CAME_BACK_AFTER_FOLLOW_UP = """
            cp.second_visit >= (m.sent_at at time zone (select time_zone from shop where id = :shop))::date
            and cp.second_visit <= cp.first_visit + 90""";

    /**
     * The second-visit follow-ups {@code m} of the shop {@code :shop} sent to the customers {@code cp} who first
     * came in the 365 days before {@code :until} (the funnel's new customers).
     */
    public static final String FOLLOW_UPS_SENT = """
              from outbox_message m
              join customer_portfolio cp on cp.tenant_id = :shop and cp.tenant_id = m.tenant_id
                                        and cp.customer_id = m.customer_id
             where m.tenant_id = :shop and m.rule = '%s' and m.status = 'SENT'
               and cp.first_visit >= cast(:until as date) - 365 and cp.first_visit < :until
            """.formatted(FollowUpStep.RULE);

    private final JdbcClient jdbc;

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

}
