package jp.joren.system;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The few numbers the home page greets a shop with. */
@Repository
class HomeFigures {

    record Figures(long customers, long purchasesLast30Days, long salesLast30Days, Optional<LastRun> lastNightlyRun) {
    }

    record LastRun(LocalDate businessDate, String status, Integer customers) {
    }

    private final JdbcClient jdbc;

    HomeFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Figures current() {
        Optional<LastRun> lastRun = jdbc.sql(
                        "select business_date, status, customers from nightly_run order by business_date desc limit 1")
                .query((rs, row) -> new LastRun(rs.getObject("business_date", LocalDate.class), rs.getString("status"),
                        (Integer) rs.getObject("customers")))
                .optional();
        return jdbc.sql("""
                        select (select count(*) from customer where status = 'ACTIVE') as customers,
                               count(*) as purchases,
                               coalesce(sum(total), 0) as sales
                          from purchase
                         where status = 'COMPLETED'
                           and purchased_at >= now() - interval '30 days'
                        """)
                .query((rs, row) -> new Figures(rs.getLong("customers"), rs.getLong("purchases"), rs.getLong("sales"),
                        lastRun))
                .single();
    }
}
