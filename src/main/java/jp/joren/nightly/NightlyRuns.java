package jp.joren.nightly;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The nightly_run table. One scheduled row per (shop, business date) is what makes a night run once; runs
 * the owner starts by hand come beside it.
 */
@Repository
class NightlyRuns {

    record DueShop(long tenantId, LocalDate businessDate) {
    }

    /** A run as the owner sees it on the runs page. */
    record Run(long id, LocalDate businessDate, String trigger, String status, String step, int attempts,
            Instant startedAt, Instant finishedAt, Integer customers, Integer visits, String error) {

        public boolean running() {
            return status.equals("RUNNING");
        }

        public Duration duration() {
            return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
        }

        public String stepKey() {
            return "runs.step." + (step == null ? "start" : step);
        }
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

    /**
     * Claims the scheduled night; empty when it has already succeeded or another node is running it. A run
     * left RUNNING for an hour belonged to a node that stopped, and is taken over.
     */
    Optional<Long> claimScheduled(LocalDate businessDate) {
        return jdbc.sql("""
                        insert into nightly_run (tenant_id, business_date, status)
                        values (app_current_tenant(), :date, 'RUNNING')
                        on conflict (tenant_id, business_date) where trigger = 'SCHEDULED' do update
                           set status = 'RUNNING', attempts = nightly_run.attempts + 1, started_at = now(),
                               finished_at = null, error = null, step = null
                         where nightly_run.status = 'FAILED'
                            or (nightly_run.status = 'RUNNING' and nightly_run.started_at < now() - interval '1 hour')
                        returning id
                        """)
                .param("date", businessDate)
                .query(Long.class).optional();
    }

    long startManual(LocalDate businessDate, long accountId) {
        return jdbc.sql("""
                        insert into nightly_run (tenant_id, business_date, status, trigger, started_by)
                        values (app_current_tenant(), ?, 'RUNNING', 'MANUAL', ?)
                        returning id
                        """)
                .params(businessDate, accountId)
                .query(Long.class).single();
    }

    /** Two runs of one shop (the scheduled one and one started by hand) wait for each other. */
    void lockShop() {
        jdbc.sql("select pg_advisory_xact_lock(20261202, cast(app_current_tenant() as integer))").query().singleRow();
    }

    void step(long runId, String step) {
        jdbc.sql("update nightly_run set step = ? where id = ?").params(step, runId).update();
    }

    void succeed(long runId, int customers, int visits) {
        jdbc.sql("""
                        update nightly_run set status = 'SUCCEEDED', finished_at = clock_timestamp(), customers = ?, visits = ?,
                               step = null
                         where id = ?
                        """)
                .params(customers, visits, runId).update();
    }

    void fail(long runId, String error) {
        jdbc.sql("update nightly_run set status = 'FAILED', finished_at = clock_timestamp(), error = ? where id = ?")
                .params(error, runId).update();
    }

    List<Run> recent(int limit) {
        return jdbc.sql("""
                        select id, business_date, trigger, status, step, attempts, started_at, finished_at, customers,
                               visits, error
                          from nightly_run
                         order by started_at desc, id desc
                         limit ?
                        """)
                .param(limit)
                .query((rs, row) -> new Run(rs.getLong("id"), rs.getObject("business_date", LocalDate.class),
                        rs.getString("trigger"), rs.getString("status"), rs.getString("step"), rs.getInt("attempts"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getObject("customers", Integer.class), rs.getObject("visits", Integer.class),
                        rs.getString("error")))
                .list();
    }
}
