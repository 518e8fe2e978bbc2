package jp.joren.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import jakarta.validation.Validator;
import jp.joren.addresses.AddressSplitter;
import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.customers.CustomerCodes;
import jp.joren.customers.OwnedProducts;
import jp.joren.shared.ShopJobQueue;
import jp.joren.shared.TableStatistics;
import jp.joren.shops.ShopSettings;
import jp.joren.tenancy.CurrentTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final OwnedProducts ownedProducts;
    private final CustomerCodes codes;
    private final ShopSettings shop;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final ShopJobQueue queue;
    private final TableStatistics statistics;
    private final Validator validator;
    private final Clock clock;

    private final AddressSplitter addresses;

    Imports(ImportJobs jobs, JdbcClient jdbc, OwnedProducts ownedProducts, CustomerCodes codes, ShopSettings shop,
            AuditLog audit, PlatformTransactionManager transactions, JsonMapper json, ShopJobQueue queue,
            TableStatistics statistics, Validator validator, Clock clock, AddressSplitter addresses) {
        this.addresses = addresses;
        this.validator = validator;
        this.clock = clock;
        this.statistics = statistics;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.ownedProducts = ownedProducts;
        this.codes = codes;
        this.shop = shop;
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

    long upload(ImportKind kind, String filename, byte[] content, long ownerId) throws UnreadableFileException {
        return upload(new UploadCommand(kind, filename, content, null, ownerId));
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

    record Preview(List<String> header, List<List<String>> rows, Map<String, Integer> mapping,
                   List<ImportProblem> problems, List<ImportMatch> matches) {

        /** The rows whose phone belongs to a customer with another name: each needs the owner's choice. */
        public List<ImportMatch> conflicts() {
            return matches.stream().filter(ImportMatch::conflict).toList();
        }

        /** Whether there were more such rows than are shown. */
        public boolean moreMatches() {
            return matches.size() >= MATCHES_KEPT;
        }

        /** What the owner can choose for a conflict row, the safe default first. */
        public List<ImportDecision> choices() {
            return List.of(ImportDecision.values());
        }

        /** The rows that would update an existing customer, with what would change. */
        public List<ImportMatch> updates() {
            return matches.stream().filter(m -> !m.conflict()).toList();
        }
    }

    Preview preview(ImportJob job) {
        String text = text(job.id());
        return new Preview(CsvTable.header(text), CsvTable.firstRows(text, 5), mapping(job),
                json.readValue(job.problems(), new TypeReference<List<ImportProblem>>() { }),
                json.readValue(job.matches(), new TypeReference<List<ImportMatch>>() { }));
    }

    /** Reads every row with this column mapping; writes nothing but the report. */
    void check(long id, Map<String, Integer> mapping, long ownerId) {
        ImportJob job = jobs.find(id);
        Pass pass = transaction.execute(status -> {
            status.setRollbackOnly();
            KindImport importer = importer(job, ownerId, null);
            Pass checked = pass(job.kind(), text(id), mapping, importer, false, processed -> { });
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
            Pass pass = transaction.execute(status -> {
                KindImport importer = importer(job, ownerId, run);
                Pass written = pass(job.kind(), text(job.id()), mapping(job), importer, true,
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

    private static final class Pass {
        int total;
        int bad;
        KindImport.Counts counts = KindImport.Counts.NONE;
        final List<ImportProblem> problems = new ArrayList<>();
        final List<ImportMatch> matches = new ArrayList<>();
        int conflicts;
        int reported;
        /** What the check counted beside the problems, or what the run made (message key → how many). */
        Map<String, Long> warnings = Map.of();

        /** Keeps the first problems the report shows: a million bad lines are counted, not held. */
        void problems(List<ImportProblem> found) {
            for (ImportProblem problem : found) {
                if (problems.size() < PROBLEMS_KEPT) {
                    problems.add(problem);
                }
            }
        }

        void reviewed(List<ImportMatch> batch) {
            for (ImportMatch match : batch) {
                conflicts += match.conflict() ? 1 : 0;
                if (matches.size() < MATCHES_KEPT) {
                    matches.add(match);
                }
            }
        }
    }

    private Pass pass(ImportKind kind, String text, Map<String, Integer> mapping, KindImport importer, boolean writing,
            IntConsumer progress) {
        Pass pass = new Pass();
        List<ImportRow> batch = new ArrayList<>(BATCH);
        for (ImportField field : kind.fields()) {
            if (field.required() && !mapping.containsKey(field.key())) {
                pass.problems.add(new ImportProblem(0, field.key(), "import.problem.missingColumn", null));
            }
        }
        if (!pass.problems.isEmpty()) {
            return pass;
        }
        CsvTable.rows(text, kind, mapping, row -> {
            pass.total++;
            if (row.values() == null) {
                pass.bad++;
                return;
            }
            if (!row.complete()) {
                // the cells that could not be read are reported already; the row's other problems with them
                pass.bad++;
                if (importer.checksIncompleteRows()) {
                    pass.problems(importer.check(row));
                }
                return;
            }
            List<ImportProblem> problems = importer.check(row);
            if (!problems.isEmpty()) {
                pass.bad++;
                pass.problems(problems);
                return;
            }
            batch.add(row);
            if (batch.size() == BATCH) {
                if (writing) {
                    pass.counts = pass.counts.plus(importer.write(batch));
                    if (pass.total - pass.reported >= PROGRESS_EVERY) {
                        // the bar moves by 1% of a million-line file, each step its own transaction
                        pass.reported = pass.total;
                        progress.accept(pass.total);
                    }
                } else {
                    pass.reviewed(importer.review(batch));
                }
                batch.clear();
            }
        }, problem -> {
            pass.problems(List.of(problem));
            if (problem.line() < 0) {
                pass.bad++;
            }
        });
        if (writing) {
            if (!batch.isEmpty()) {
                pass.counts = pass.counts.plus(importer.write(batch));
            }
            pass.counts = pass.counts.plus(importer.finish());
        } else if (!batch.isEmpty()) {
            pass.reviewed(importer.review(batch));
        }
        return pass;
    }

    private KindImport importer(ImportJob job, long ownerId, ImportRun run) {
        return switch (job.kind()) {
            case CUSTOMERS -> customerImport(ownerId, run);
            case PRODUCTS -> new ProductImport(jdbc, run == null ? null : run.importId());
            case PURCHASES -> new PurchaseImport(jdbc, ownedProducts, shop.currentShop().getZone(), ownerId,
                    run == null ? null : run.importId());
            case SALES -> new SalesImport(jdbc, customerImport(ownerId, run), ownedProducts, shop.currentShop().getZone(),
                    ownerId, run, job.currencyFactor());
        };
    }

    private CustomerImport customerImport(long ownerId, ImportRun run) {
        return new CustomerImport(jdbc, codes, audit, json, validator, ownerId, shop.currentShop().getZone(), run,
                addresses);
    }

    private Map<String, Integer> mapping(ImportJob job) {
        return json.readValue(job.mapping(), new TypeReference<Map<String, Integer>>() { });
    }

    private String text(long id) {
        return CsvDecoding.decode(jobs.content(id)).map(CsvDecoding.Decoded::text).orElse("");
    }
}
