package jp.joren.imports;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.shared.ShopJobQueue;
import jp.joren.shared.TableStatistics;
import jp.joren.tenancy.CurrentTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upload, check, run. The check reads every row and reports every problem without writing anything; the
 * run reads the file again in one transaction, in batches, writing the good rows — all of them or none
 * when the owner chose all-or-nothing — while the progress is written beside it.
 */
@Service
class Imports {

    static final int BATCH = 1_000;
    static final int PROBLEMS_KEPT = 1_000;
    /** How many rows the progress bar moves by at least. */
    static final int PROGRESS_EVERY = 10 * BATCH;
    /** The rows that would update or collide with an existing customer that the check shows (all conflicts count). */
    static final int MATCHES_KEPT = 1_000;

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final ImportJobs jobs;
    private final KindImports kinds;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final ShopJobQueue queue;
    private final TableStatistics statistics;
    private final Clock clock;

    Imports(ImportJobs jobs, KindImports kinds, AuditLog audit, PlatformTransactionManager transactions,
            JsonMapper json, ShopJobQueue queue, TableStatistics statistics, Clock clock) {
        this.clock = clock;
        this.statistics = statistics;
        this.jobs = jobs;
        this.kinds = kinds;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.queue = queue;
    }

    /** The file could not be read as CSV in any encoding Excel writes. */
    static class UnreadableFileException extends Exception {
        UnreadableFileException() {
            super("unreadable file");
        }
    }

    /**
     * A file to import; {@code currencyFactor} is the yen per unit of its prices (a sales export in pounds: 180),
     * null when they are yen.
     */
    record UploadCommand(ImportKind kind, String filename, byte[] content, java.math.BigDecimal currencyFactor,
                         long ownerId) {
    }

    long upload(UploadCommand command) throws UnreadableFileException {
        CsvDecoding.Decoded decoded = CsvDecoding.decode(command.content()).orElseThrow(UnreadableFileException::new);
        List<String> header = CsvTable.header(decoded.text());
        if (header.isEmpty()) {
            throw new UnreadableFileException();
        }
        return jobs.create(command.kind(), command.filename(), command.content(), decoded.encoding(),
                json.writeValueAsString(CsvTable.guessMapping(command.kind(), header)), command.currencyFactor(),
                command.ownerId());
    }

    /** What a check or a run counted (message key → how many), in the order it counted them. */
    Map<String, Long> counts(String counted) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        if (counted.startsWith("[")) {
            json.readValue(counted, new TypeReference<List<Map<String, Long>>>() { }).forEach(counts::putAll);
        }
        return counts;
    }

    /** Counts as a list of one-key objects: a jsonb object would not keep the order they are told in. */
    private String ordered(Map<String, Long> counts) {
        return json.writeValueAsString(counts.entrySet().stream().map(e -> Map.of(e.getKey(), e.getValue())).toList());
    }

    ImportJob job(long id) {
        return jobs.find(id);
    }

    List<ImportJob> recent() {
        return jobs.recent(20);
    }

    ImportPreview preview(ImportJob job) {
        String text = text(job.id());
        return new ImportPreview(CsvTable.header(text), CsvTable.firstRows(text, 5), mapping(job),
                json.readValue(job.problems(), new TypeReference<List<ImportProblem>>() { }),
                json.readValue(job.matches(), new TypeReference<List<ImportMatch>>() { }));
    }

    /** Reads every row with this column mapping; writes nothing but the report. */
    void check(long id, Map<String, Integer> mapping, long ownerId) {
        ImportJob job = jobs.find(id);
        FilePass pass = transaction.execute(status -> {
            status.setRollbackOnly();
            KindImport importer = kinds.of(job, ownerId, null);
            FilePass checked = FilePass.over(job.kind(), text(id), mapping, importer, false, processed -> { });
            checked.warnings = importer.warnings();
            return checked;
        });
        List<ImportProblem> kept = pass.problems.subList(0, Math.min(PROBLEMS_KEPT, pass.problems.size()));
        jobs.checked(id, json.writeValueAsString(mapping), pass.total, pass.bad, json.writeValueAsString(kept),
                json.writeValueAsString(pass.matches), pass.conflicts, ordered(pass.warnings));
    }

    /** Run a checked import: all rows or the good ones only, with the owner's choice for each conflict row. */
    record RunCommand(long jobId, boolean goodRowsOnly, Map<Long, ImportDecision> decisions, long ownerId) {
    }

    /**
     * Queues the run in the shops' job queue; false when the job is not checked (nor interrupted) or
     * all-or-nothing has bad rows.
     */
    boolean run(RunCommand command) {
        long id = command.jobId();
        boolean goodRowsOnly = command.goodRowsOnly();
        long ownerId = command.ownerId();
        ImportJob job = jobs.find(id);
        if (!job.checked() || (!goodRowsOnly && job.badRows() > 0)
                || !jobs.start(id, goodRowsOnly ? "GOOD_ROWS" : "ALL_OR_NOTHING", json.writeValueAsString(command.decisions()))) {
            return false;
        }
        long tenant = CurrentTenant.require();
        queue.submit(tenant, () -> CurrentTenant.runAs(tenant, () -> runNow(job, goodRowsOnly, ownerId)),
                () -> CurrentTenant.runAs(tenant, () -> jobs.heartbeat(id)));
        return true;
    }

    private void runNow(ImportJob job, boolean goodRowsOnly, long ownerId) {
        try {
            Map<Long, ImportDecision> decisions = json.readValue(jobs.find(job.id()).decisions(),
                    new TypeReference<Map<Long, ImportDecision>>() { });
            ImportRun run = new ImportRun(job.id(), decisions, clock.instant());
            FilePass pass = transaction.execute(status -> {
                statistics.planForTheTablesAsTheyGrow();
                KindImport importer = kinds.of(job, ownerId, run);
                FilePass written = FilePass.over(job.kind(), text(job.id()), mapping(job), importer, true,
                        processed -> jobs.progress(job.id(), processed));
                written.warnings = importer.outcome();
                if (!goodRowsOnly && written.bad > 0) {
                    throw new IllegalStateException(written.bad + " rows became invalid since the check");
                }
                audit.record(ownerId, AuditAction.DATA_IMPORTED, "import", job.id(), Map.of("kind", job.kind().name(),
                        "file", job.filename(), "created", written.counts.created(), "updated", written.counts.updated(),
                        "skipped", written.bad));
                return written;
            });
            jobs.finish(job.id(), pass.total, pass.counts.created(), pass.counts.updated(),
                    ordered(pass.warnings));
            // the shop's next pages and night are planned with the imported rows counted
            statistics.refreshAfterBulkWrite();
        } catch (RuntimeException e) {
            log.warn("Import {} failed", job.id(), e);
            jobs.fail(job.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Map<String, Integer> mapping(ImportJob job) {
        return json.readValue(job.mapping(), new TypeReference<Map<String, Integer>>() { });
    }

    private String text(long id) {
        return CsvDecoding.decode(jobs.content(id)).map(CsvDecoding.Decoded::text).orElse("");
    }
}
