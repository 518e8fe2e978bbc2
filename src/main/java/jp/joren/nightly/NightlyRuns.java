package jp.joren.nightly;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jp.joren.shared.Heartbeats;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The nightly_run table. One scheduled row per (shop, business date) is what makes a night run once; runs
 * the owner starts by hand come beside it, at most one of them waiting at a time. A run beats while its node
 * holds it; one whose heartbeat stopped is interrupted: the scheduled one is taken over by the next dispatch,
 * a manual one leaves room for the owner to start another.
 */
@Repository
@RequiredArgsConstructor
class NightlyRuns {

    record DueShop(long tenantId, LocalDate businessDate) {
    }

    /** A run as the owner sees it on the runs page; {@code interrupted}: its node stopped while it waited or worked. */
    record Run(long id, LocalDate businessDate, String trigger, String status, String step, int attempts,
            Instant startedAt, @Nullable Instant finishedAt, @Nullable Integer customers, @Nullable Integer visits,
            @Nullable String error, boolean interrupted) {

        /** Waiting or working on a live node: the page keeps following it. */
        public boolean running() {
            return !interrupted && (status.equals("WAITING") || status.equals("RUNNING"));
        }

        public String statusKey() {
            return "runs.status." + (interrupted ? "INTERRUPTED" : status);
        }

        public @Nullable Duration duration() {
            return finishedAt == null || interrupted ? null : Duration.between(startedAt, finishedAt);
        }

        public String stepKey() {
            return "runs.step." + (step == null ? "start" : step);
        }
    }

    private final JdbcClient jdbc;

    /** Cross-shop, through the one narrow database function: shop ids and dates, nothing else. */
    List<DueShop> dueShops(Instant now) {
        return jdbc.sql("select tenant_id, business_date from shops_due_for_nightly_run(?)")
                .param(Timestamp.from(now))
                .query((rs, row) -> new DueShop(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .list();
    }

    /**
     * Claims the scheduled night; empty when it has already succeeded or a live node is running it. A run
     * whose heartbeat stopped belonged to a node that died, and is taken over.
     */
    Optional<Long> claimScheduled(LocalDate businessDate, Instant now) {
        return jdbc.sql("""
                        insert into nightly_run (tenant_id, business_date, status, started_at, heartbeat_at)
                        values (:shop, :date, 'RUNNING', :now, :now)
                        on conflict (tenant_id, business_date) where trigger = 'SCHEDULED' do update
                           set status = 'RUNNING', attempts = nightly_run.attempts + 1, started_at = :now,
                               heartbeat_at = :now, finished_at = null, error = null, step = null
                         where nightly_run.tenant_id = :shop
                           and (nightly_run.status = 'FAILED'
                                or (nightly_run.status = 'RUNNING' and nightly_run.heartbeat_at < :staleBefore))
                        returning id
                        """)
                .param("shop", shop()).param("date", businessDate).param("now", utc(now))
                .param("staleBefore", utc(now.minus(Heartbeats.STALE)))
                .query(Long.class).optional();
    }

    /**
     * Queues a run the owner asked for; empty when one is waiting already, or (unless {@code evenIfWorking})
     * one is working: pressing "run now" again adds nothing. Runs of this shop whose node died are marked
     * interrupted first, so they do not hold the place.
     */
    Optional<Long> requestManual(LocalDate businessDate, long accountId, Instant now, boolean evenIfWorking) {
        jdbc.sql("""
                        update nightly_run set status = 'INTERRUPTED', finished_at = heartbeat_at
                         where tenant_id = :shop and trigger = 'MANUAL' and status in ('WAITING', 'RUNNING')
                           and heartbeat_at < :staleBefore""")
                .param("shop", shop()).param("staleBefore", utc(now.minus(Heartbeats.STALE)))
                .update();
        // asked, then inserted: an insert that selects from nothing but a subquery is not one Citus can plan; two
        // presses at once meet the unique index of the waiting manual run
        boolean queuedOrWorking = jdbc.sql("""
                        select exists (select 1 from nightly_run r
                                        where r.tenant_id = :shop and r.trigger = 'MANUAL'
                                          and (r.status = 'WAITING' or (not :evenIfWorking and r.status = 'RUNNING')))""")
                .param("shop", shop()).param("evenIfWorking", evenIfWorking)
                .query(Boolean.class).single();
        if (queuedOrWorking) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        insert into nightly_run (tenant_id, business_date, status, trigger, started_by, started_at, heartbeat_at)
                        values (:shop, :date, 'WAITING', 'MANUAL', :account, :now, :now)
                        on conflict (tenant_id) where trigger = 'MANUAL' and status = 'WAITING' do nothing
                        returning id
                        """)
                .param("shop", shop()).param("date", businessDate).param("account", accountId).param("now", utc(now))
                .query(Long.class).optional();
    }

    /** A waiting manual run starts working; false when it is no longer waiting. */
    boolean begin(long runId, Instant now) {
        return jdbc.sql("""
                        update nightly_run set status = 'RUNNING', started_at = :now, heartbeat_at = :now
                         where tenant_id = :shop and id = :id and status = 'WAITING'""")
                .param("shop", shop()).param("id", runId).param("now", utc(now))
                .update() == 1;
    }

    void heartbeat(long runId, Instant now) {
        jdbc.sql("""
                        update nightly_run set heartbeat_at = :now
                         where tenant_id = :shop and id = :id and status in ('WAITING', 'RUNNING')""")
                .param("shop", shop()).param("id", runId).param("now", utc(now))
                .update();
    }

    /** Two runs of one shop (the scheduled one and one started by hand) wait for each other. */
    void lockShop() {
        jdbc.sql("select pg_advisory_xact_lock(20261202, cast(app_current_tenant() as integer))").query().singleRow();
    }

    void step(long runId, String step) {
        jdbc.sql("update nightly_run set step = :step where tenant_id = :shop and id = :id")
                .param("step", step).param("shop", shop()).param("id", runId).update();
    }

    void succeed(long runId, int customers, int visits, Instant now) {
        jdbc.sql("""
                        update nightly_run set status = 'SUCCEEDED', finished_at = :now, customers = :customers,
                               visits = :visits, step = null
                         where tenant_id = :shop and id = :id
                        """)
                .param("now", utc(now)).param("customers", customers).param("visits", visits)
                .param("shop", shop()).param("id", runId).update();
    }

    void fail(long runId, String error, Instant now) {
        jdbc.sql("update nightly_run set status = 'FAILED', finished_at = :now, error = :error where tenant_id = :shop and id = :id")
                .param("now", utc(now)).param("error", error).param("shop", shop()).param("id", runId).update();
    }

    List<Run> recent(int limit, Instant now) {
        return jdbc.sql("""
                        select id, business_date, trigger, status, step, attempts, started_at, finished_at, customers,
                               visits, error,
                               status = 'INTERRUPTED' or (status in ('WAITING', 'RUNNING') and heartbeat_at < :staleBefore)
                                   as interrupted
                          from nightly_run
                         where tenant_id = :shop
                         order by started_at desc, id desc
                         limit :limit
                        """)
                .param("shop", shop()).param("staleBefore", utc(now.minus(Heartbeats.STALE))).param("limit", limit)
                .query((rs, row) -> new Run(rs.getLong("id"), rs.getObject("business_date", LocalDate.class),
                        rs.getString("trigger"), rs.getString("status"), rs.getString("step"), rs.getInt("attempts"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getObject("customers", Integer.class), rs.getObject("visits", Integer.class),
                        rs.getString("error"), rs.getBoolean("interrupted")))
                .list();
    }

    private static long shop() {
        return CurrentTenant.require();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
