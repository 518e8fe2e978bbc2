package jp.joren.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

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

    Imports(ImportJobs jobs, JdbcClient jdbc, OwnedProducts ownedProducts, CustomerCodes codes, ShopSettings shop,
            AuditLog audit, PlatformTransactionManager transactions, JsonMapper json, ShopJobQueue queue,
            TableStatistics statistics) {
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

    long upload(ImportKind kind, String filename, byte[] content, long ownerId) throws UnreadableFileException {
        CsvDecoding.Decoded decoded = CsvDecoding.decode(content).orElseThrow(UnreadableFileException::new);
        List<String> header = CsvTable.header(decoded.text());
        if (header.isEmpty()) {
            throw new UnreadableFileException();
        }
        return jobs.create(kind, filename, content, decoded.encoding(),
                json.writeValueAsString(CsvTable.guessMapping(kind, header)), ownerId);
    }

    ImportJob job(long id) {
        return jobs.find(id);
    }

    List<ImportJob> recent() {
        return jobs.recent(20);
    }

    record Preview(List<String> header, List<List<String>> rows, Map<String, Integer> mapping,
                   List<ImportProblem> problems) {
    }

    Preview preview(ImportJob job) {
        String text = text(job.id());
        return new Preview(CsvTable.header(text), CsvTable.firstRows(text, 5), mapping(job),
                json.readValue(job.problems(), new TypeReference<List<ImportProblem>>() { }));
    }

    /** Reads every row with this column mapping; writes nothing but the report. */
    void check(long id, Map<String, Integer> mapping, long ownerId) {
        ImportJob job = jobs.find(id);
        Pass pass = transaction.execute(status -> {
            status.setRollbackOnly();
            return pass(job.kind(), text(id), mapping, importer(job.kind(), ownerId), false, processed -> { });
        });
        List<ImportProblem> kept = pass.problems.subList(0, Math.min(PROBLEMS_KEPT, pass.problems.size()));
        jobs.checked(id, json.writeValueAsString(mapping), pass.total, pass.bad, json.writeValueAsString(kept));
    }

    /**
     * Queues the run in the shops' job queue; false when the job is not checked (nor interrupted) or
     * all-or-nothing has bad rows.
     */
    boolean run(long id, boolean goodRowsOnly, long ownerId) {
        ImportJob job = jobs.find(id);
        if (!job.checked() || (!goodRowsOnly && job.badRows() > 0) || !jobs.start(id, goodRowsOnly ? "GOOD_ROWS" : "ALL_OR_NOTHING")) {
            return false;
        }
        long tenant = CurrentTenant.require();
        queue.submit(tenant, () -> CurrentTenant.runAs(tenant, () -> runNow(job, goodRowsOnly, ownerId)),
                () -> CurrentTenant.runAs(tenant, () -> jobs.heartbeat(id)));
        return true;
    }

    private void runNow(ImportJob job, boolean goodRowsOnly, long ownerId) {
        try {
            Pass pass = transaction.execute(status -> {
                Pass written = pass(job.kind(), text(job.id()), mapping(job), importer(job.kind(), ownerId), true,
                        processed -> jobs.progress(job.id(), processed));
                if (!goodRowsOnly && written.bad > 0) {
                    throw new IllegalStateException(written.bad + " rows became invalid since the check");
                }
                audit.record(ownerId, AuditAction.DATA_IMPORTED, "import", job.id(), Map.of("kind", job.kind().name(),
                        "file", job.filename(), "created", written.counts.created(), "updated", written.counts.updated(),
                        "skipped", written.bad));
                return written;
            });
            jobs.finish(job.id(), pass.total, pass.counts.created(), pass.counts.updated());
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
            List<ImportProblem> problems = importer.check(row);
            if (!problems.isEmpty()) {
                pass.bad++;
                pass.problems.addAll(problems);
                return;
            }
            if (writing) {
                batch.add(row);
                if (batch.size() == BATCH) {
                    pass.counts = pass.counts.plus(importer.write(batch));
                    batch.clear();
                    progress.accept(pass.total);
                }
            }
        }, problem -> {
            pass.problems.add(problem);
            if (problem.line() < 0) {
                pass.bad++;
            }
        });
        if (writing) {
            if (!batch.isEmpty()) {
                pass.counts = pass.counts.plus(importer.write(batch));
            }
            pass.counts = pass.counts.plus(importer.finish());
        }
        return pass;
    }

    private KindImport importer(ImportKind kind, long ownerId) {
        return switch (kind) {
            case CUSTOMERS -> new CustomerImport(jdbc, codes, ownerId);
            case PRODUCTS -> new ProductImport(jdbc);
            case PURCHASES -> new PurchaseImport(jdbc, ownedProducts, shop.currentShop().getZone(), ownerId);
        };
    }

    private Map<String, Integer> mapping(ImportJob job) {
        return json.readValue(job.mapping(), new TypeReference<Map<String, Integer>>() { });
    }

    private String text(long id) {
        return CsvDecoding.decode(jobs.content(id)).map(CsvDecoding.Decoded::text).orElse("");
    }
}
