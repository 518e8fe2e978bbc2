package jp.joren.nightly;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nightly_run table: one row per (shop, business date), which is what makes a night run once. */
@Repository
class NightlyRuns {

    record DueShop(long tenantId, LocalDate businessDate) {
    }

    private final JdbcClient jdbc;

    NightlyRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cross-shop, through the one narrow database function: shop ids and dates, nothing else. */
    List<DueShop> dueShops(Instant now) {
        return jdbc.sql("select tenant_id, business_date from shops_due_for_nightly_run(?)")
                .param(Timestamp.from(now))
                .query((rs, row) -> new DueShop(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .list();
    }

    /** Claims the night; empty when it has already succeeded (or another node holds it). */
    Optional<Long> claim(LocalDate businessDate) {
        return jdbc.sql("""
                        insert into nightly_run (tenant_id, business_date, status)
                        values (app_current_tenant(), :date, 'RUNNING')
                        on conflict (tenant_id, business_date) do update
                           set status = 'RUNNING', attempts = nightly_run.attempts + 1, started_at = now(),
                               finished_at = null, error = null
                         where nightly_run.status = 'FAILED'
                        returning id
                        """)
                .param("date", businessDate)
                .query(Long.class).optional();
    }

    void succeed(long runId, int customers, int visits) {
        jdbc.sql("""
                        update nightly_run set status = 'SUCCEEDED', finished_at = now(), customers = ?, visits = ?
                         where id = ?
                        """)
                .params(customers, visits, runId).update();
    }

    void fail(LocalDate businessDate, String error) {
        jdbc.sql("""
                        update nightly_run set status = 'FAILED', finished_at = now(), error = ?
                         where business_date = ?
                        """)
                .params(error, businessDate).update();
    }

    record Counts(int customers, int visits) {
    }

    /** Set-based: the shop's customers and its visits (customer × business date) of the last year. */
    Counts countCustomersAndVisits(LocalDate businessDate) {
        return jdbc.sql("""
                        select (select count(*) from customer where status = 'ACTIVE') as customers,
                               (select count(*)
                                  from (select distinct customer_id, business_date
                                          from purchase
                                         where status = 'COMPLETED' and customer_id is not null
                                           and business_date > cast(:date as date) - 365
                                           and business_date <= :date) v) as visits
                        """)
                .param("date", businessDate)
                .query((rs, row) -> new Counts(rs.getInt("customers"), rs.getInt("visits")))
                .single();
    }
}
