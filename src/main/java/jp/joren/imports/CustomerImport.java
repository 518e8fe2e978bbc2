package jp.joren.imports;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import jp.joren.addresses.AddressSplitter;
import jp.joren.audit.AuditLog;
import jp.joren.customers.CustomerCodes;
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

    private final CustomerMatcher matcher;
    private final CustomerRowChecks checks;
    private final NewCustomers created;
    private final CustomerUpdates updates;
    private final ImportedConsents consents;
    private final ZoneId zone;
    private final ImportRun run;
    private int reviewed;

    CustomerImport(JdbcClient jdbc, CustomerCodes codes, AuditLog audit, JsonMapper json, Validator validator,
            long ownerId, ZoneId zone, ImportRun run, AddressSplitter addresses) {
        this.checks = new CustomerRowChecks(validator, addresses);
        this.matcher = new CustomerMatcher(jdbc, json);
        this.created = new NewCustomers(jdbc, codes, json, ownerId, run);
        this.updates = new CustomerUpdates(jdbc, audit, json, ownerId, run);
        this.consents = new ImportedConsents(jdbc, ownerId, run);
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
        Decided decided = decide(rows);
        List<Long> freshIds = created.create(decided.fresh);
        if (!decided.changed.isEmpty()) {
            updates.update(decided.changed, decided.changedRows);
        }
        List<Long> ids = new ArrayList<>(freshIds);
        ids.addAll(decided.knownIds);
        List<ImportRow> all = new ArrayList<>(decided.fresh);
        all.addAll(decided.known);
        consents.record(ids, all);
        for (int i = 0; i < decided.freshAt.size(); i++) {
            decided.rowIds[decided.freshAt.get(i)] = freshIds.get(i);
        }
        return new Written(new Counts(decided.fresh.size(), decided.known.size()), Arrays.asList(decided.rowIds));
    }

    /** A batch's rows by what becomes of them: a new customer, an update of the customer found, or nothing. */
    private static final class Decided {
        final Long[] rowIds;
        final List<Integer> freshAt = new ArrayList<>();
        final List<ImportRow> fresh = new ArrayList<>();
        final List<ImportRow> known = new ArrayList<>();
        final List<Long> knownIds = new ArrayList<>();
        /** The fields each updated customer has changed (field → [before, after]); the first row's for a customer. */
        final Map<Long, Map<String, List<String>>> changed = new LinkedHashMap<>();
        final List<ImportRow> changedRows = new ArrayList<>();

        Decided(int rows) {
            rowIds = new Long[rows];
        }
    }

    /** Whom each row is, and what to do: a conflict row as the owner chose (a new customer unless told otherwise). */
    private Decided decide(List<ImportRow> rows) {
        List<CustomerMatcher.Found> found = matcher.find(rows);
        Decided decided = new Decided(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            CustomerMatcher.Found f = found.get(i);
            ImportDecision decision = f.id() == null ? ImportDecision.CREATE
                    : !f.conflict() ? ImportDecision.UPDATE
                    : run.decisions().getOrDefault(row.line(), ImportDecision.CREATE);
            switch (decision) {
                case CREATE -> {
                    decided.fresh.add(row);
                    decided.freshAt.add(i);
                }
                case SKIP -> { }
                case UPDATE -> {
                    decided.rowIds[i] = f.id();
                    decided.known.add(row);
                    decided.knownIds.add(f.id());
                    Map<String, List<String>> changes = ImportedFields.changes(f.before(), ImportedFields.of(row));
                    if (!changes.isEmpty() && !decided.changed.containsKey(f.id())) {
                        decided.changed.put(f.id(), changes);
                        decided.changedRows.add(row);
                    }
                }
            }
        }
        return decided;
    }
}
