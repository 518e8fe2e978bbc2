package jp.joren.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jp.joren.shared.Heartbeats;
import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import jobs of the shop, with their uploaded file. A running import beats while its node holds it; one
 * whose heartbeat stopped was interrupted (its node died, its transaction rolled back) and can be run again.
 */
@Repository
@RequiredArgsConstructor
class ImportJobs {

    private static final String JOB = """
            select id, kind, filename, encoding, mapping::text as mapping, status, mode, total_rows, bad_rows,
                   problems::text as problems, processed_rows, created_rows, updated_rows, error, created_at, finished_at,
                   status = 'RUNNING' and heartbeat_at < :staleBefore as interrupted, matches::text as matches, conflicts,
                   decisions::text as decisions, undone_at, currency_factor, warnings::text as warnings,
                   outcome::text as outcome
              from import_job
             where tenant_id = :shop
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    @Transactional
    long create(ImportKind kind, String filename, byte[] content, String encoding, String mapping,
            java.math.BigDecimal currencyFactor, long ownerId) {
        return jdbc.sql("""
                        insert into import_job (tenant_id, kind, filename, content, encoding, mapping, currency_factor,
                                                created_by, created_at)
                        values (:shop, :kind, :filename, :content, :encoding, :mapping::jsonb, :factor, :owner, :now)
                        returning id
                        """)
                .param("shop", shop()).param("now", utc(clock.instant()))
                .param("kind", kind.name()).param("filename", filename).param("content", content)
                .param("encoding", encoding).param("mapping", mapping).param("factor", currencyFactor)
                .param("owner", ownerId)
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    ImportJob find(long id) {
        return jdbc.sql(JOB + " and id = :id").param("shop", shop()).param("staleBefore", staleBefore())
                .param("id", id).query(ImportJob.class).optional()
                .orElseThrow(() -> new NotFoundException("import", id));
    }

    @Transactional(readOnly = true)
    List<ImportJob> recent(int limit) {
        return jdbc.sql(JOB + " order by created_at desc, id desc limit :limit")
                .param("shop", shop()).param("staleBefore", staleBefore()).param("limit", limit)
                .query(ImportJob.class).list();
    }

    @Transactional(readOnly = true)
    byte[] content(long id) {
        return jdbc.sql("select content from import_job where tenant_id = :shop and id = :id")
                .param("shop", shop()).param("id", id).query(byte[].class).single();
    }

    @Transactional
    void checked(long id, String mapping, int total, int bad, String problems, String matches, int conflicts,
            String warnings) {
        jdbc.sql("""
                        update import_job set mapping = :mapping::jsonb, total_rows = :total, bad_rows = :bad,
                                              problems = :problems::jsonb, matches = :matches::jsonb,
                                              conflicts = :conflicts, decisions = '{}', status = 'CHECKED',
                                              warnings = :warnings::jsonb
                         where tenant_id = :shop and id = :id
                           and (status in ('UPLOADED', 'CHECKED') or (status = 'RUNNING' and heartbeat_at < :staleBefore))
                        """)
                .param("mapping", mapping).param("total", total).param("bad", bad).param("problems", problems)
                .param("matches", matches).param("conflicts", conflicts).param("warnings", warnings)
                .param("shop", shop()).param("id", id).param("staleBefore", staleBefore()).update();
    }

    /** Claims the job for a run; false when it is neither checked nor interrupted (running elsewhere, or done). */
    @Transactional
    boolean start(long id, String mode, String decisions) {
        return jdbc.sql("""
                        update import_job set status = 'RUNNING', mode = :mode, processed_rows = 0, error = null,
                                              heartbeat_at = :now, decisions = :decisions::jsonb
                         where tenant_id = :shop and id = :id
                           and (status = 'CHECKED' or (status = 'RUNNING' and heartbeat_at < :staleBefore))
                        """)
                .param("mode", mode).param("decisions", decisions).param("now", utc(clock.instant()))
                .param("shop", shop()).param("id", id)
                .param("staleBefore", staleBefore()).update() == 1;
    }

    /** Tells the job's page that the node running it is alive. */
    @Transactional
    void heartbeat(long id) {
        jdbc.sql("update import_job set heartbeat_at = :now where tenant_id = :shop and id = :id and status = 'RUNNING'")
                .param("now", utc(clock.instant())).param("shop", shop()).param("id", id).update();
    }

    /** Progress is written beside the import's own (long) transaction, so the owner sees it move. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(long id, int processed) {
        jdbc.sql("update import_job set processed_rows = :processed where tenant_id = :shop and id = :id")
                .param("processed", processed).param("shop", shop()).param("id", id).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void finish(long id, int processed, int created, int updated, String outcome) {
        jdbc.sql("""
                        update import_job set status = 'DONE', processed_rows = :processed, created_rows = :created,
                                              updated_rows = :updated, finished_at = :now, outcome = :outcome::jsonb
                         where tenant_id = :shop and id = :id
                        """)
                .param("processed", processed).param("created", created).param("updated", updated)
                .param("outcome", outcome)
                .param("now", utc(clock.instant())).param("shop", shop()).param("id", id)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void fail(long id, String error) {
        jdbc.sql("update import_job set status = 'FAILED', error = :error, finished_at = :now where tenant_id = :shop and id = :id")
                .param("error", error).param("now", utc(clock.instant())).param("shop", shop()).param("id", id).update();
    }

    /** Marks a done import undone; false when it was undone already (by someone else, just now). */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean undone(long id, long ownerId) {
        return jdbc.sql("""
                        update import_job set undone_at = :now, undone_by = :owner
                         where tenant_id = :shop and id = :id and status = 'DONE' and undone_at is null
                        """)
                .param("now", utc(clock.instant())).param("owner", ownerId).param("shop", shop()).param("id", id)
                .update() == 1;
    }

    private OffsetDateTime staleBefore() {
        return utc(clock.instant().minus(Heartbeats.STALE));
    }

    private static long shop() {
        return CurrentTenant.require();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
