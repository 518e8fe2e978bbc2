package jp.joren.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoes a customer import within 30 days, like a merge: the fields it changed are put back (except those
 * someone has changed since, which keep today's value and are named), and the customers it created are
 * removed — unless one of them has been used since (a purchase, an owned product, a merge, a message or a
 * task, an edit of their fields or consents): then nothing is undone and the owner is told which customers and
 * why.
 */
@Service
@RequiredArgsConstructor
class ImportUndo {

    /**
     * A customer or a receipt the import created that cannot be removed: its page, how the owner knows it (name
     * and code, receipt number and date), and the reasons (message keys).
     */
    record Blocker(String link, String name, String code, List<String> reasons) implements java.io.Serializable {
    }

    /** What the undo did (customers put back, customers and receipts removed), or why it did nothing. */
    record Result(boolean undone, List<Blocker> blockers, int restored, int removed, int receiptsRemoved,
                  Map<Long, List<String>> keptEdits, int productsRemoved, List<Blocker> productsKept)
            implements java.io.Serializable {

        Result(boolean undone, List<Blocker> blockers, int restored, int removed, int receiptsRemoved,
                Map<Long, List<String>> keptEdits) {
            this(undone, blockers, restored, removed, receiptsRemoved, keptEdits, 0, List.of());
        }

        static Result refused(List<Blocker> blockers) {
            return new Result(false, blockers, 0, 0, 0, Map.of());
        }
    }

    /** Thrown when the import cannot be undone at all (not a customer import, undone already, too old). */
    static class NotUndoableException extends RuntimeException {
        NotUndoableException() {
            super("import not undoable");
        }
    }

    private final ImportJobs jobs;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final UndoBlockers blockers;
    private final CustomerReversal customers;
    private final ProductReversal products;

    @Transactional
    public Result undo(long importId, long ownerId) {
        ImportJob job = jobs.find(importId);
        if (!job.undoableAt(clock.instant())) {
            throw new NotUndoableException();
        }
        long shop = CurrentTenant.require();
        if (job.kind() == ImportKind.PURCHASES) {
            return undoReceipts(shop, job, ownerId);
        }
        if (job.kind() == ImportKind.SALES) {
            return undoSales(shop, job, ownerId);
        }
        if (job.kind() == ImportKind.PRODUCTS) {
            return undoProducts(shop, job, ownerId);
        }
        List<Blocker> used = blockers.customers(shop, importId);
        if (!used.isEmpty()) {
            return Result.refused(used);
        }
        if (!jobs.undone(importId, ownerId)) {
            throw new NotUndoableException();
        }
        Result undone = customers.undo(shop, importId, ownerId);
        audit.record(ownerId, AuditAction.DATA_IMPORT_UNDONE, "import", importId, Map.of("file", job.filename(),
                "removed", undone.removed(), "restored", undone.restored(), "keptEdits", undone.keptEdits().size()));
        return undone;
    }

    /**
     * Undoes a sales export: its receipts go (as a purchase import's), then the products it created that no
     * other receipt uses (those that stay are named, with why), then its customers as a customer import's. Refused
     * as a whole when a receipt was handled since, or a customer it created was used beyond its own receipts.
     */
    private Result undoSales(long shop, ImportJob job, long ownerId) {
        List<Blocker> used = new ArrayList<>(blockers.receipts(shop, job.id()));
        used.addAll(blockers.customers(shop, job.id()));
        if (!used.isEmpty()) {
            return Result.refused(used);
        }
        if (!jobs.undone(job.id(), ownerId)) {
            throw new NotUndoableException();
        }
        int receipts = removeReceipts(shop, job.id());
        ProductReversal.Removed removed = products.removeCreated(shop, job.id());
        Result undone = customers.undo(shop, job.id(), ownerId);
        audit.record(ownerId, AuditAction.DATA_IMPORT_UNDONE, "import", job.id(), Map.of("file", job.filename(),
                "receipts", receipts, "products", removed.removed(), "productsKept", removed.kept().size(),
                "removed", undone.removed(), "restored", undone.restored()));
        return new Result(true, List.of(), undone.restored(), undone.removed(), receipts, undone.keptEdits(),
                removed.removed(), removed.kept());
    }

    /**
     * Undoes a product import: the fields it changed go back on the products nobody edited since (those edited
     * are named), and the products it created are removed where nothing uses them (those that stay are named,
     * with why). Categories it created stay: they are only names.
     */
    private Result undoProducts(long shop, ImportJob job, long ownerId) {
        if (!jobs.undone(job.id(), ownerId)) {
            throw new NotUndoableException();
        }
        ProductReversal.Restored restored = products.restore(shop, job.id());
        ProductReversal.Removed removed = products.removeCreated(shop, job.id());
        audit.record(ownerId, AuditAction.DATA_IMPORT_UNDONE, "import", job.id(), Map.of("file", job.filename(),
                "products", removed.removed(), "productsKept", removed.kept().size(), "productsRestored",
                restored.restored(), "productsEdited", restored.edited().size()));
        return new Result(true, List.of(), restored.restored(), 0, 0, restored.edited(), removed.removed(),
                removed.kept());
    }

    /**
     * Removes the receipts a purchase import registered, with their lines and the owned products they
     * registered; refused when one has been corrected, cancelled, returned, moved by a merge or had a coupon
     * redeemed on it since.
     */
    private Result undoReceipts(long shop, ImportJob job, long ownerId) {
        List<Blocker> handled = blockers.receipts(shop, job.id());
        if (!handled.isEmpty()) {
            return Result.refused(handled);
        }
        if (!jobs.undone(job.id(), ownerId)) {
            throw new NotUndoableException();
        }
        int receipts = removeReceipts(shop, job.id());
        audit.record(ownerId, AuditAction.DATA_IMPORT_UNDONE, "import", job.id(), Map.of("file", job.filename(),
                "receipts", receipts));
        return new Result(true, List.of(), 0, 0, receipts, Map.of());
    }

    /** Removes the receipts the import registered, with their lines and the owned products they registered. */
    private int removeReceipts(long shop, long importId) {
        jdbc.sql("""
                        delete from owned_product o
                         using purchase p
                         where o.tenant_id = :shop and p.tenant_id = o.tenant_id and p.id = o.source_purchase_id
                           and p.import_id = :import
                        """).param("shop", shop).param("import", importId).update();
        jdbc.sql("""
                        delete from purchase_line l
                         using purchase p
                         where l.tenant_id = :shop and p.tenant_id = l.tenant_id and p.id = l.purchase_id
                           and p.import_id = :import
                        """).param("shop", shop).param("import", importId).update();
        return jdbc.sql("delete from purchase p where p.tenant_id = :shop and p.import_id = :import")
                .param("shop", shop).param("import", importId).update();
    }
}
