package jp.joren.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Undoes a customer import within 30 days, like a merge: the fields it changed are put back (except those
 * someone has changed since, which keep today's value and are named), and the customers it created are
 * removed — unless one of them has been used since (a purchase, an owned product, a merge, a message or a
 * task, an edit of their fields or consents): then nothing is undone and the owner is told which customers and
 * why.
 */
@Service
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

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    private final ImportJobs jobs;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    ImportUndo(ImportJobs jobs, JdbcClient jdbc, AuditLog audit, JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

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
        List<Blocker> blockers = blockers(shop, importId);
        if (!blockers.isEmpty()) {
            return Result.refused(blockers);
        }
        if (!jobs.undone(importId, ownerId)) {
            throw new NotUndoableException();
        }
        Result customers = undoCustomers(shop, importId, ownerId);
        audit.record(ownerId, AuditAction.DATA_IMPORT_UNDONE, "import", importId, Map.of("file", job.filename(),
                "removed", customers.removed(), "restored", customers.restored(), "keptEdits",
                customers.keptEdits().size()));
        return customers;
    }

    /**
     * Undoes a sales export: its receipts go (as a purchase import's), then the products it created that no
     * other receipt uses (those that stay are named, with why), then its customers as a customer import's. Refused
     * as a whole when a receipt was handled since, or a customer it created was used beyond its own receipts.
     */
    private Result undoSales(long shop, ImportJob job, long ownerId) {
        List<Blocker> blockers = new ArrayList<>(receiptBlockers(shop, job.id()));
        blockers.addAll(blockers(shop, job.id()));
        if (!blockers.isEmpty()) {
            return Result.refused(blockers);
        }
        if (!jobs.undone(job.id(), ownerId)) {
            throw new NotUndoableException();
        }
        int receipts = removeReceipts(shop, job.id());
        RemovedProducts products = removeProducts(shop, job.id());
        Result customers = undoCustomers(shop, job.id(), ownerId);
        audit.record(ownerId, AuditAction.DATA_IMPORT_UNDONE, "import", job.id(), Map.of("file", job.filename(),
                "receipts", receipts, "products", products.removed(), "productsKept", products.kept().size(),
                "removed", customers.removed(), "restored", customers.restored()));
        return new Result(true, List.of(), customers.restored(), customers.removed(), receipts, customers.keptEdits(),
                products.removed(), products.kept());
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
        Map<Long, List<String>> edited = new LinkedHashMap<>();
        jdbc.sql("""
                        select ch.product_id from import_product_change ch
                          join product p on p.tenant_id = ch.tenant_id and p.id = ch.product_id
                         where ch.tenant_id = :shop and ch.import_id = :import and %s is distinct from ch.after
                        """.formatted(ProductImport.SNAPSHOT))
                .param("shop", shop).param("import", job.id())
                .query((rs, i) -> edited.put(rs.getLong(1), List.of("product"))).list();
        int restored = jdbc.sql("""
                        update product p
                           set name = ch.before->>'name', category_id = (ch.before->>'category')::bigint,
                               price = (ch.before->>'price')::bigint, sensitive = (ch.before->>'sensitive')::boolean,
                               repurchase_cycle_days = (ch.before->>'cycle')::integer,
                               active = (ch.before->>'active')::boolean
                          from import_product_change ch
                         where ch.tenant_id = :shop and ch.import_id = :import and p.tenant_id = ch.tenant_id
                           and p.id = ch.product_id and %s = ch.after
                        """.formatted(ProductImport.SNAPSHOT))
                .param("shop", shop).param("import", job.id()).update();
        RemovedProducts products = removeProducts(shop, job.id());
        audit.record(ownerId, AuditAction.DATA_IMPORT_UNDONE, "import", job.id(), Map.of("file", job.filename(),
                "products", products.removed(), "productsKept", products.kept().size(), "productsRestored", restored,
                "productsEdited", edited.size()));
        return new Result(true, List.of(), restored, 0, 0, edited, products.removed(), products.kept());
    }

    /** How many products an import created were removed, and those that stay (each with why). */
    private record RemovedProducts(int removed, List<Blocker> kept) {
    }

    /** Removes the products the import created that nothing uses; names those that stay, with why. */
    private RemovedProducts removeProducts(long shop, long importId) {
        List<Blocker> kept = jdbc.sql("""
                        select p.id, p.code, p.name,
                               exists (select 1 from purchase_line l where l.tenant_id = p.tenant_id and l.product_id = p.id)
                                   as sold,
                               exists (select 1 from product_model m where m.tenant_id = p.tenant_id and m.product_id = p.id)
                                   or exists (select 1 from consumable_part k where k.tenant_id = p.tenant_id
                                                 and k.product_id = p.id)
                                   or p.id in (select r.product_id from campaign r
                                                where r.tenant_id = :shop and r.product_id is not null) as used
                          from product p
                         where p.tenant_id = :shop and p.import_id = :import
                         order by p.code
                        """)
                .param("shop", shop).param("import", importId)
                .query((rs, i) -> {
                    List<String> reasons = new ArrayList<>();
                    if (rs.getBoolean("sold")) {
                        reasons.add("import.undo.reason.sold");
                    }
                    if (rs.getBoolean("used")) {
                        reasons.add("import.undo.reason.productUsed");
                    }
                    return new Blocker("/catalog/products/" + rs.getLong("id"), rs.getString("name"),
                            rs.getString("code"), reasons);
                })
                .list().stream().filter(b -> !b.reasons().isEmpty()).toList();
        Long[] keptIds = kept.stream().map(b -> Long.parseLong(b.link().substring(b.link().lastIndexOf('/') + 1)))
                .toArray(Long[]::new);
        int removed = jdbc.sql("""
                        delete from product p where p.tenant_id = :shop and p.import_id = :import and p.id <> all(:kept)
                        """)
                .param("shop", shop).param("import", importId).param("kept", keptIds).update();
        return new RemovedProducts(removed, kept);
    }


    /** Puts back the customers an import changed and removes those it created (their blockers checked). */
    private Result undoCustomers(long shop, long importId, long ownerId) {
        Map<Long, Map<String, List<String>>> restored = new LinkedHashMap<>();
        Map<Long, List<String>> kept = new LinkedHashMap<>();
        restorable(shop, importId, restored, kept);
        restore(shop, importId, restored, ownerId);
        restoreConsents(shop, importId, restored, kept);
        Long[] created = jdbc.sql("""
                        select ch.customer_id from import_customer_change ch
                         where ch.tenant_id = :shop and ch.import_id = :import and ch.created
                        """)
                .param("shop", shop).param("import", importId).query(Long.class).list().toArray(Long[]::new);
        for (String table : List.of("consent", "import_customer_change")) {
            jdbc.sql("delete from " + table + " t where t.tenant_id = :shop and t.customer_id = any(:ids)")
                    .param("shop", shop).param("ids", created).update();
        }
        jdbc.sql("delete from customer c where c.tenant_id = :shop and c.id = any(:ids)")
                .param("shop", shop).param("ids", created).update();
        audit.recordEach(ownerId, AuditAction.CUSTOMER_IMPORT_UNDONE, "customer", restored);
        return new Result(true, List.of(), restored.size(), created.length, 0, kept);
    }

    /**
     * Removes the receipts a purchase import registered, with their lines and the owned products they
     * registered; refused when one has been corrected, cancelled, returned, moved by a merge or had a coupon
     * redeemed on it since.
     */
    private Result undoReceipts(long shop, ImportJob job, long ownerId) {
        List<Blocker> blockers = receiptBlockers(shop, job.id());
        if (!blockers.isEmpty()) {
            return Result.refused(blockers);
        }
        if (!jobs.undone(job.id(), ownerId)) {
            throw new NotUndoableException();
        }
        int receipts = removeReceipts(shop, job.id());
        audit.record(ownerId, AuditAction.DATA_IMPORT_UNDONE, "import", job.id(), Map.of("file", job.filename(),
                "receipts", receipts));
        return new Result(true, List.of(), 0, 0, receipts, Map.of());
    }

    /** The receipts the import registered that have been handled since, each with why it must stay. */
    private List<Blocker> receiptBlockers(long shop, long importId) {
        return jdbc.sql("""
                        select p.id, p.external_ref, p.business_date,
                               p.status <> 'COMPLETED'
                                   or exists (select 1 from audit_event e where e.tenant_id = p.tenant_id
                                                 and e.subject_type = 'purchase' and e.subject_id = p.id) as corrected,
                               -- read once each (hashed), not per receipt: neither has an index by purchase
                               p.id in (select k.redeemed_purchase_id from coupon k
                                         where k.tenant_id = :shop and k.redeemed_purchase_id is not null) as redeemed,
                               p.id in (select unnest(m.moved_purchases) from customer_merge m
                                         where m.tenant_id = :shop and m.undone_at is null) as moved
                          from purchase p
                         where p.tenant_id = :shop and p.import_id = :import
                         order by p.business_date, p.external_ref
                        """)
                .param("shop", shop).param("import", importId)
                .query((rs, i) -> {
                    List<String> reasons = new ArrayList<>();
                    for (String reason : List.of("corrected", "redeemed", "moved")) {
                        if (rs.getBoolean(reason)) {
                            reasons.add("import.undo.reason." + reason);
                        }
                    }
                    return new Blocker("/purchases/" + rs.getLong("id"), rs.getString("external_ref"),
                            rs.getString("business_date"), reasons);
                })
                .list().stream().filter(b -> !b.reasons().isEmpty()).toList();
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

    /** The customers the import created that have been used since, each with why it must stay. */
    private List<Blocker> blockers(long shop, long importId) {
        return jdbc.sql("""
                        select c.id, c.name, c.code,
                               -- the receipts of a sales export that created the customer go with them
                               exists (select 1 from purchase p where p.tenant_id = c.tenant_id and p.customer_id = c.id
                                          and p.import_id is distinct from :import) as purchased,
                               exists (select 1 from owned_product o where o.tenant_id = c.tenant_id and o.customer_id = c.id
                                          and not exists (select 1 from purchase q where q.tenant_id = o.tenant_id
                                                             and q.id = o.source_purchase_id and q.import_id = :import))
                                   as owns,
                               -- the tables without an index by customer are read once each (hashed), not per customer
                               c.status not in ('ACTIVE', 'ARCHIVED')
                                   or c.id in (select m.survivor_id from customer_merge m where m.tenant_id = :shop)
                                   or c.id in (select m.merged_id from customer_merge m where m.tenant_id = :shop)
                                   as merged,
                               c.id in (select x.customer_id from outbox_message x where x.tenant_id = :shop)
                                   or c.id in (select k.customer_id from coupon k
                                                where k.tenant_id = :shop and k.customer_id is not null)
                                   or exists (select 1 from contact_task t where t.tenant_id = c.tenant_id
                                                 and t.customer_id = c.id)
                                   or exists (select 1 from join_confirmation j where j.tenant_id = c.tenant_id
                                                 and j.customer_id = c.id) as contacted,
                               %s is distinct from ch.after
                                   or exists (select 1 from consent k where k.tenant_id = c.tenant_id
                                                 and k.customer_id = c.id and k.method <> 'IMPORT') as edited
                          from import_customer_change ch
                          join customer c on c.tenant_id = ch.tenant_id and c.id = ch.customer_id
                         where ch.tenant_id = :shop and ch.import_id = :import and ch.created
                         order by c.code, c.id
                        """.formatted(ImportedFields.SNAPSHOT))
                .param("shop", shop).param("import", importId)
                .query((rs, i) -> {
                    List<String> reasons = new ArrayList<>();
                    for (String reason : List.of("purchased", "owns", "merged", "contacted", "edited")) {
                        if (rs.getBoolean(reason)) {
                            reasons.add("import.undo.reason." + reason);
                        }
                    }
                    return new Blocker("/customers/" + rs.getLong("id"), rs.getString("name"), rs.getString("code"),
                            reasons);
                })
                .list().stream().filter(b -> !b.reasons().isEmpty()).toList();
    }

    /**
     * For each customer the import changed: the fields to put back (field → [today's value, the value before
     * the import]) — those still holding what the import wrote — and the fields edited since, which stay.
     */
    private void restorable(long shop, long importId, Map<Long, Map<String, List<String>>> restored,
            Map<Long, List<String>> kept) {
        jdbc.sql("""
                        select ch.customer_id, ch.before::text as before, ch.after::text as after, %s::text as now
                          from import_customer_change ch
                          join customer c on c.tenant_id = ch.tenant_id and c.id = ch.customer_id
                         where ch.tenant_id = :shop and ch.import_id = :import and not ch.created
                         order by ch.customer_id
                        """.formatted(ImportedFields.SNAPSHOT))
                .param("shop", shop).param("import", importId)
                .query((rs, i) -> {
                    Map<String, String> before = json.readValue(rs.getString("before"), FIELDS);
                    Map<String, String> after = json.readValue(rs.getString("after"), FIELDS);
                    Map<String, String> now = json.readValue(rs.getString("now"), FIELDS);
                    Map<String, List<String>> back = new LinkedHashMap<>();
                    List<String> edited = new ArrayList<>();
                    before.forEach((field, value) -> {
                        if (java.util.Objects.equals(now.get(field), after.get(field))) {
                            back.put(field, java.util.Arrays.asList(now.get(field), value));
                        } else {
                            edited.add(field);
                        }
                    });
                    long id = rs.getLong("customer_id");
                    if (!back.isEmpty()) {
                        restored.put(id, back);
                    }
                    if (!edited.isEmpty()) {
                        kept.put(id, edited);
                    }
                    return id;
                })
                .list();
    }

    /**
     * Puts back the consents the import recorded for the customers it updated: its entry goes where it is still
     * the latest of its channel, so the ledger's latest is again what it was; where one was recorded since, that
     * stays and is named among the edits kept.
     */
    private void restoreConsents(long shop, long importId, Map<Long, Map<String, List<String>>> restored,
            Map<Long, List<String>> kept) {
        jdbc.sql("""
                        delete from consent k
                         where k.tenant_id = :shop and k.import_id = :import and k.customer_id not in (%s)
                           and not exists (select 1 from consent n
                                            where n.tenant_id = k.tenant_id and n.customer_id = k.customer_id
                                              and n.channel = k.channel and n.purpose = k.purpose and not n.pending
                                              and (n.recorded_at, n.id) > (k.recorded_at, k.id))
                        returning k.customer_id, k.channel, k.granted
                        """.formatted(CREATED))
                .param("shop", shop).param("import", importId)
                .query((rs, i) -> {
                    String field = consentField(rs.getString("channel"));
                    restored.computeIfAbsent(rs.getLong("customer_id"), id -> new LinkedHashMap<>())
                            .put(field, java.util.Arrays.asList(Boolean.toString(rs.getBoolean("granted")), null));
                    return field;
                })
                .list();
        jdbc.sql("""
                        select k.customer_id, k.channel from consent k
                         where k.tenant_id = :shop and k.import_id = :import and k.customer_id not in (%s)
                        """.formatted(CREATED))
                .param("shop", shop).param("import", importId)
                .query((rs, i) -> kept.computeIfAbsent(rs.getLong("customer_id"), id -> new ArrayList<>())
                        .add(consentField(rs.getString("channel"))))
                .list();
    }

    /** The customers the import created (their consents go with them). */
    private static final String CREATED = """
            select ch.customer_id from import_customer_change ch
             where ch.tenant_id = :shop and ch.import_id = :import and ch.created""";

    private static String consentField(String channel) {
        return channel.equals("EMAIL") ? "emailConsent" : "postalConsent";
    }

    /** Puts the fields back, all customers in one statement; a field not to restore keeps its value. */
    private void restore(long shop, long importId, Map<Long, Map<String, List<String>>> restored, long ownerId) {
        if (restored.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        List<String> values = new ArrayList<>();
        restored.forEach((id, fields) -> {
            Map<String, String> back = new LinkedHashMap<>();
            fields.forEach((field, pair) -> back.put(field, pair.get(1)));
            ids.add(id);
            values.add(json.writeValueAsString(back));
        });
        jdbc.sql("""
                        update customer c
                           set code = case when b -> 'code' is not null then b->>'code' else c.code end,
                               name = case when b -> 'name' is not null then b->>'name' else c.name end,
                               name_kana = case when b -> 'nameKana' is not null then b->>'nameKana' else c.name_kana end,
                               phone = case when b -> 'phone' is not null then b->>'phone' else c.phone end,
                               email = case when b -> 'email' is not null then b->>'email' else c.email end,
                               postal_code = case when b -> 'postalCode' is not null then b->>'postalCode' else c.postal_code end,
                               prefecture = case when b -> 'prefecture' is not null then b->>'prefecture' else c.prefecture end,
                               city = case when b -> 'city' is not null then b->>'city' else c.city end,
                               town = case when b -> 'town' is not null then b->>'town' else c.town end,
                               address_line = case when b -> 'addressLine' is not null then b->>'addressLine' else c.address_line end,
                               birthday = case when b -> 'birthday' is not null then (b->>'birthday')::date else c.birthday end,
                               acquisition_channel = case when b -> 'acquisitionChannel' is not null then b->>'acquisitionChannel'
                                                          else c.acquisition_channel end,
                               tags = case when b -> 'tags' is not null then coalesce(string_to_array(nullif(b->>'tags', ''), ','), '{}')
                                           else c.tags end,
                               notes = case when b -> 'notes' is not null then b->>'notes' else c.notes end,
                               updated_at = :now, updated_by = :owner
                          -- a key present with a JSON null is not an SQL null: b -> 'x' is not null means "restore x"
                          from (select u.id, u.b::jsonb as b from unnest(:ids::bigint[], :values::text[]) u(id, b)) r
                         where c.tenant_id = :shop and c.id = r.id
                        """)
                .param("ids", ids.toArray(Long[]::new)).param("values", values.toArray(String[]::new))
                .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).param("owner", ownerId)
                .param("shop", shop).update();
    }
}
