package jp.joren.imports;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import jp.joren.addresses.AddressSplitter;
import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.customers.CustomerCodes;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers from a file. A row is an existing customer when {@link CustomerMatcher} says so — that customer is
 * updated with the file's non-empty cells, and each field changed is kept (for the undo) and written to the
 * audit log with its before and after; a row whose phone belongs to someone with another name is a conflict,
 * done as the owner chose (a new customer unless told otherwise); any other row creates a customer, so
 * importing the same file twice creates no duplicates. Two rows for one person in the same file are reported.
 * Consent columns go to the ledger (method IMPORT) only where they change the current state.
 */
final class CustomerImport implements KindImport {

    private final JdbcClient jdbc;
    private final CustomerCodes codes;
    private final CustomerMatcher matcher;
    private final AuditLog audit;
    private final JsonMapper json;
    private final CustomerRowChecks checks;
    private final long ownerId;
    private final ZoneId zone;
    private final ImportRun run;
    private int reviewed;

    CustomerImport(JdbcClient jdbc, CustomerCodes codes, AuditLog audit, JsonMapper json, Validator validator,
            long ownerId, ZoneId zone, ImportRun run, AddressSplitter addresses) {
        this.jdbc = jdbc;
        this.checks = new CustomerRowChecks(validator, addresses);
        this.codes = codes;
        this.matcher = new CustomerMatcher(jdbc, json);
        this.audit = audit;
        this.json = json;
        this.ownerId = ownerId;
        this.zone = zone;
        this.run = run;
    }

    @Override
    public Map<String, Long> warnings() {
        return checks.warnings();
    }

    @Override
    public boolean checksIncompleteRows() {
        return true;
    }

    @Override
    public List<ImportProblem> check(ImportRow row) {
        return checks.check(row);
    }

    @Override
    public List<ImportMatch> review(List<ImportRow> rows) {
        List<CustomerMatcher.Found> found = matcher.find(rows);
        // past the rows the check shows, only the conflicts are counted: no visits, no details
        boolean detailed = reviewed < Imports.MATCHES_KEPT;
        List<Long> ids = found.stream().filter(f -> f.id() != null).map(CustomerMatcher.Found::id).toList();
        Map<Long, Long> visits = detailed ? matcher.visits(ids, zone) : Map.of();
        List<ImportMatch> matches = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CustomerMatcher.Found f = found.get(i);
            if (f.id() == null) {
                continue;
            }
            reviewed++;
            if (!detailed) {
                matches.add(new ImportMatch(rows.get(i).line(), f.id(), f.conflict(), Map.of(), 0, Map.of(), Map.of()));
                continue;
            }
            Map<String, String> incoming = ImportedFields.of(rows.get(i));
            Map<String, String> existing = new LinkedHashMap<>();
            Map<String, String> shown = new LinkedHashMap<>();
            for (String field : ImportMatch.SHOWN) {
                existing.put(field, f.before().get(field));
                shown.put(field, incoming.get(field));
            }
            matches.add(new ImportMatch(rows.get(i).line(), f.id(), f.conflict(), existing,
                    visits.getOrDefault(f.id(), 0L), shown, ImportedFields.changes(f.before(), incoming)));
        }
        return matches;
    }

    @Override
    public Counts write(List<ImportRow> rows) {
        return written(rows).counts();
    }

    /** What writing a batch did: its counts, and the customer each row is now (null where it was skipped). */
    record Written(Counts counts, List<Long> ids) {
    }

    /** Writes the rows as {@link #write} does, telling which customer each row became. */
    Written written(List<ImportRow> rows) {
        List<CustomerMatcher.Found> found = matcher.find(rows);
        Long[] rowIds = new Long[rows.size()];
        List<Integer> freshAt = new ArrayList<>();
        List<ImportRow> fresh = new ArrayList<>();
        List<ImportRow> known = new ArrayList<>();
        List<Long> knownIds = new ArrayList<>();
        Map<Long, Map<String, List<String>>> changed = new LinkedHashMap<>();
        List<ImportRow> changedRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            CustomerMatcher.Found f = found.get(i);
            ImportDecision decision = f.id() == null ? ImportDecision.CREATE
                    : !f.conflict() ? ImportDecision.UPDATE
                    : run.decisions().getOrDefault(row.line(), ImportDecision.CREATE);
            switch (decision) {
                case CREATE -> {
                    fresh.add(row);
                    freshAt.add(i);
                }
                case SKIP -> { }
                case UPDATE -> {
                    rowIds[i] = f.id();
                    known.add(row);
                    knownIds.add(f.id());
                    Map<String, List<String>> changes = ImportedFields.changes(f.before(), ImportedFields.of(row));
                    if (!changes.isEmpty() && !changed.containsKey(f.id())) {
                        changed.put(f.id(), changes);
                        changedRows.add(row);
                    }
                }
            }
        }
        List<Long> freshIds = jdbc.sql("select nextval(pg_get_serial_sequence('customer', 'id')) from generate_series(1, ?)")
                .param(fresh.size()).query(Long.class).list();
        if (!fresh.isEmpty()) {
            jdbc.sql("""
                            insert into customer (tenant_id, id, code, name, name_kana, phone, email, postal_code, prefecture,
                                                  city, town, address_line, birthday, acquisition_channel, tags, notes,
                                                  created_by, updated_by, created_at, updated_at)
                            select app_current_tenant(), u.id, u.code, u.name,
                                   u.kana, u.phone, u.email, u.postal, u.prefecture, u.city, u.town, u.address, u.birthday,
                                   coalesce(u.channel, 'WALK_IN'), coalesce(string_to_array(u.tags, ','), '{}'), u.notes,
                                   ?, ?, ?, ?
                              from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                          ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[],
                                          ?::text[])
                                   u(id, code, name, kana, phone, email, postal, prefecture, city, town, address, birthday,
                                     channel, tags, notes)
                            """)
                    .params(prepend(arrays(freshIds.toArray(Long[]::new), fresh), ownerId, ownerId, now(), now()))
                    .update();
            Map<Long, String> numbered = numberUncoded(freshIds, fresh);
            // what each new customer holds, built from the row as the insert stored it (no lookup per customer)
            String[] after = new String[fresh.size()];
            for (int i = 0; i < fresh.size(); i++) {
                Map<String, String> fields = ImportedFields.asCreated(fresh.get(i));
                if (numbered.containsKey(freshIds.get(i))) {
                    fields.put("code", numbered.get(freshIds.get(i)));
                }
                after[i] = json.writeValueAsString(fields);
            }
            jdbc.sql("""
                            insert into import_customer_change (tenant_id, import_id, customer_id, created, after)
                            select :shop, :import, u.id, true, u.after::jsonb
                              from unnest(:ids::bigint[], :after::text[]) u(id, after)
                            """)
                    .param("import", run.importId()).param("shop", CurrentTenant.require())
                    .param("ids", freshIds.toArray(Long[]::new)).param("after", after).update();
        }
        if (!changed.isEmpty()) {
            update(changed, changedRows);
        }
        List<Long> ids = new ArrayList<>(freshIds);
        ids.addAll(knownIds);
        List<ImportRow> all = new ArrayList<>(fresh);
        all.addAll(known);
        recordConsents(ids, all);
        for (int i = 0; i < freshAt.size(); i++) {
            rowIds[freshAt.get(i)] = freshIds.get(i);
        }
        return new Written(new Counts(fresh.size(), known.size()), java.util.Arrays.asList(rowIds));
    }

    /** Writes the changed fields, keeps them for the undo and tells the audit log, one statement each. */
    private void update(Map<Long, Map<String, List<String>>> changed, List<ImportRow> rows) {
        Long[] ids = changed.keySet().toArray(Long[]::new);
        jdbc.sql("""
                        update customer c
                           set code = coalesce(u.code, c.code), name = coalesce(u.name, c.name),
                               name_kana = coalesce(u.kana, c.name_kana), phone = coalesce(u.phone, c.phone),
                               email = coalesce(u.email, c.email), postal_code = coalesce(u.postal, c.postal_code),
                               prefecture = coalesce(u.prefecture, c.prefecture), city = coalesce(u.city, c.city),
                               town = coalesce(u.town, c.town), address_line = coalesce(u.address, c.address_line),
                               birthday = coalesce(u.birthday, c.birthday),
                               acquisition_channel = coalesce(u.channel, c.acquisition_channel),
                               tags = coalesce(string_to_array(u.tags, ','), c.tags), notes = coalesce(u.notes, c.notes),
                               updated_at = ?, updated_by = ?
                          from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                      ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[],
                                      ?::text[])
                               u(id, code, name, kana, phone, email, postal, prefecture, city, town, address, birthday,
                                 channel, tags, notes)
                         where c.id = u.id and c.tenant_id = ?
                        """)
                .params(append(prepend(arrays(ids, rows), now(), ownerId), CurrentTenant.require()))
                .update();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        changed.values().forEach(changes -> {
            Map<String, String> b = new LinkedHashMap<>();
            Map<String, String> a = new LinkedHashMap<>();
            changes.forEach((field, pair) -> {
                b.put(field, pair.get(0));
                a.put(field, pair.get(1));
            });
            before.add(json.writeValueAsString(b));
            after.add(json.writeValueAsString(a));
        });
        // a customer two rows of the file name (one by code, one by email) keeps the before of the first
        jdbc.sql("""
                        insert into import_customer_change (tenant_id, import_id, customer_id, created, before, after)
                        select app_current_tenant(), :import, u.id, false, u.b::jsonb, u.a::jsonb
                          from unnest(:ids::bigint[], :before::text[], :after::text[]) u(id, b, a)
                        on conflict (tenant_id, import_id, customer_id) do update
                           set before = excluded.before || import_customer_change.before,
                               after = import_customer_change.after || excluded.after
                        """)
                .param("import", run.importId()).param("ids", ids)
                .param("before", before.toArray(String[]::new)).param("after", after.toArray(String[]::new))
                .update();
        audit.recordEach(ownerId, AuditAction.CUSTOMER_IMPORTED, "customer", changed);
    }

    /**
     * Gives the new customers whom the file gave no member code the shop's next codes; after the insert, so
     * that the numbering skips the codes the file brought. Returns the codes given, by customer.
     */
    private Map<Long, String> numberUncoded(List<Long> ids, List<ImportRow> rows) {
        List<Long> uncoded = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).values().get("code") == null) {
                uncoded.add(ids.get(i));
            }
        }
        Map<Long, String> numbered = new HashMap<>();
        if (!uncoded.isEmpty()) {
            List<String> next = codes.next(uncoded.size());
            jdbc.sql("""
                            update customer c set code = u.code
                              from unnest(:ids::bigint[], :codes::text[]) u(id, code)
                             where c.tenant_id = :shop and c.id = u.id
                            """)
                    .param("ids", uncoded.toArray(Long[]::new))
                    .param("codes", next.toArray(String[]::new))
                    .param("shop", CurrentTenant.require())
                    .update();
            for (int i = 0; i < uncoded.size(); i++) {
                numbered.put(uncoded.get(i), next.get(i));
            }
        }
        return numbered;
    }

    private java.time.OffsetDateTime now() {
        return run.now().atOffset(ZoneOffset.UTC);
    }

    /** The rows as one array per column, in the order the insert and the update unnest them. */
    private static Object[] arrays(Long[] ids, List<ImportRow> rows) {
        return new Object[] {ids, column(rows, "code"), column(rows, "name"), column(rows, "nameKana"),
                column(rows, "phone"), column(rows, "email"), column(rows, "postalCode"), column(rows, "prefecture"),
                column(rows, "city"), column(rows, "town"), column(rows, "addressLine"), column(rows, "birthday"),
                column(rows, "channel"), tags(rows), column(rows, "notes")};
    }

    private static Object[] prepend(Object[] arrays, Object... first) {
        Object[] params = new Object[first.length + arrays.length];
        System.arraycopy(first, 0, params, 0, first.length);
        System.arraycopy(arrays, 0, params, first.length, arrays.length);
        return params;
    }

    private static Object[] append(Object[] params, Object last) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = last;
        return all;
    }

    private void recordConsents(List<Long> ids, List<ImportRow> rows) {
        List<Long> customers = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<Boolean> granted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (String[] consent : new String[][] {{"emailConsent", "EMAIL"}, {"postalConsent", "POSTAL"}}) {
                Boolean given = rows.get(i).value(consent[0]);
                if (given != null) {
                    customers.add(ids.get(i));
                    channels.add(consent[1]);
                    granted.add(given);
                }
            }
        }
        if (customers.isEmpty()) {
            return;
        }
        // Not current_consent, on purpose: the file's answer is compared with the latest answer the customer
        // confirmed, and written only when it differs. Importing the same ledger again adds nothing, even when a
        // sign-up's double opt-in is pending since; that pending entry decides until the customer confirms it.
        jdbc.sql("""
                        insert into consent (tenant_id, customer_id, channel, purpose, granted, method, wording_version,
                                             recorded_by, recorded_at, import_id)
                        select app_current_tenant(), u.customer, u.channel, 'ADVERTISING', u.granted, 'IMPORT', 'import', ?, ?,
                               ?
                          from unnest(?::bigint[], ?::text[], ?::boolean[]) u(customer, channel, granted)
                         where u.granted is distinct from (
                               select k.granted from consent k
                                where k.tenant_id = ? and k.customer_id = u.customer
                                  and k.channel = u.channel and k.purpose = 'ADVERTISING' and not k.pending
                                order by k.recorded_at desc, k.id desc limit 1)
                        """)
                .params(ownerId, now(), run.importId(), customers.toArray(Long[]::new), channels.toArray(String[]::new),
                        granted.toArray(Boolean[]::new), CurrentTenant.require())
                .update();
    }

    private static String[] column(List<ImportRow> rows, String key) {
        return CustomerMatcher.column(rows, key);
    }

    private static String[] tags(List<ImportRow> rows) {
        return rows.stream().map(r -> {
            String tags = r.text("tags");
            return tags == null ? null : ImportedFields.tags(tags);
        }).toArray(String[]::new);
    }
}
