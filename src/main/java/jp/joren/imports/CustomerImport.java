package jp.joren.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jp.joren.customers.CustomerCodes;
import jp.joren.shared.Kana;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers from a file. A row matches an existing customer by member code, then normalised phone, then
 * email — that customer is updated with the file's non-empty cells — otherwise a new customer is created,
 * so importing the same file twice creates no duplicates. Two rows for one person in the same file are
 * reported. Consent columns go to the ledger (method IMPORT) only where they change the current state.
 */
final class CustomerImport implements KindImport {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final JdbcClient jdbc;
    private final CustomerCodes codes;
    private final long ownerId;
    private final Map<String, Long> seen = new HashMap<>();

    CustomerImport(JdbcClient jdbc, CustomerCodes codes, long ownerId) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.ownerId = ownerId;
    }

    @Override
    public List<ImportProblem> check(ImportRow row) {
        List<ImportProblem> problems = new ArrayList<>();
        String email = row.text("email");
        if (email != null && !EMAIL.matcher(email.strip()).matches()) {
            problems.add(new ImportProblem(row.line(), "email", "import.problem.badEmail", email));
        }
        String kana = row.text("nameKana");
        if (kana != null && !Kana.looksLikeKana(kana)) {
            problems.add(new ImportProblem(row.line(), "nameKana", "import.problem.badKana", kana));
        }
        String phone = row.text("phone");
        String digits = phone == null ? null : Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
        if (digits != null && (digits.length() < 10 || digits.length() > 13)) {
            problems.add(new ImportProblem(row.line(), "phone", "import.problem.badPhone", phone));
            digits = null;
        }
        duplicate(row, "code", row.text("code") == null ? null : "code:" + row.text("code").strip().toLowerCase(), problems);
        duplicate(row, "phone", digits == null ? null : "phone:" + digits.replaceFirst("^81", "0"), problems);
        duplicate(row, "email", email == null ? null : "email:" + email.strip().toLowerCase(), problems);
        return problems;
    }

    private void duplicate(ImportRow row, String field, String key, List<ImportProblem> problems) {
        if (key == null) {
            return;
        }
        Long earlier = seen.putIfAbsent(key, row.line());
        if (earlier != null) {
            problems.add(new ImportProblem(row.line(), field, "import.problem.duplicateInFile", Long.toString(earlier)));
        }
    }

    @Override
    public Counts write(List<ImportRow> rows) {
        int n = rows.size();
        // the keys are computed before the lookup: row-level security keeps any function applied to a column of
        // the query (here u.*) out of index conditions, so the lookup compares plain keys
        List<Long> matches = jdbc.sql("""
                        with keys as materialized (
                            select u.ord, lower(u.code) as code, phone_key(u.phone) as phone, lower(trim(u.email)) as email
                              from unnest(?::text[], ?::text[], ?::text[]) with ordinality u(code, phone, email, ord))
                        select (select c.id from customer c
                                 where c.status in ('ACTIVE', 'ARCHIVED')
                                   and (c.code_key = k.code or c.phone_normalized = k.phone or c.email_key = k.email)
                                 order by (c.code_key = k.code) desc nulls last, (c.phone_normalized = k.phone) desc nulls last,
                                          c.id
                                 limit 1)
                          from keys k
                         order by k.ord
                        """)
                .params(column(rows, "code"), column(rows, "phone"), column(rows, "email"))
                .query((rs, i) -> (Long) rs.getObject(1)).list();
        List<ImportRow> fresh = new ArrayList<>();
        List<ImportRow> known = new ArrayList<>();
        List<Long> knownIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (matches.get(i) == null) {
                fresh.add(rows.get(i));
            } else {
                known.add(rows.get(i));
                knownIds.add(matches.get(i));
            }
        }
        List<Long> freshIds = jdbc.sql("select nextval(pg_get_serial_sequence('customer', 'id')) from generate_series(1, ?)")
                .param(fresh.size()).query(Long.class).list();
        if (!fresh.isEmpty()) {
            jdbc.sql("""
                            insert into customer (tenant_id, id, code, name, name_kana, phone, email, postal_code, prefecture,
                                                  city, town, address_line, birthday, acquisition_channel, tags, notes,
                                                  created_by, updated_by)
                            select app_current_tenant(), u.id, u.code, u.name,
                                   u.kana, u.phone, u.email, u.postal, u.prefecture, u.city, u.town, u.address, u.birthday,
                                   coalesce(u.channel, 'WALK_IN'), coalesce(string_to_array(u.tags, ','), '{}'), u.notes,
                                   ?, ?
                              from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                          ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[],
                                          ?::text[])
                                   u(id, code, name, kana, phone, email, postal, prefecture, city, town, address, birthday,
                                     channel, tags, notes)
                            """)
                    .params(prepend(arrays(freshIds.toArray(Long[]::new), fresh), ownerId, ownerId))
                    .update();
            numberUncoded(freshIds, fresh);
        }
        if (!known.isEmpty()) {
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
                                   updated_at = now(), updated_by = ?
                              from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                          ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[],
                                          ?::text[])
                                   u(id, code, name, kana, phone, email, postal, prefecture, city, town, address, birthday,
                                     channel, tags, notes)
                             where c.id = u.id
                            """)
                    .params(prepend(arrays(knownIds.toArray(Long[]::new), known), ownerId))
                    .update();
        }
        List<Long> ids = new ArrayList<>(freshIds);
        ids.addAll(knownIds);
        List<ImportRow> all = new ArrayList<>(fresh);
        all.addAll(known);
        recordConsents(ids, all);
        return new Counts(fresh.size(), known.size());
    }

    /**
     * Gives the new customers whom the file gave no member code the shop's next codes; after the insert, so
     * that the numbering skips the codes the file brought.
     */
    private void numberUncoded(List<Long> ids, List<ImportRow> rows) {
        List<Long> uncoded = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).values().get("code") == null) {
                uncoded.add(ids.get(i));
            }
        }
        if (!uncoded.isEmpty()) {
            jdbc.sql("""
                            update customer c set code = u.code
                              from unnest(:ids::bigint[], :codes::text[]) u(id, code)
                             where c.tenant_id = :shop and c.id = u.id
                            """)
                    .param("ids", uncoded.toArray(Long[]::new))
                    .param("codes", codes.next(uncoded.size()).toArray(String[]::new))
                    .param("shop", CurrentTenant.require())
                    .update();
        }
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
        jdbc.sql("""
                        insert into consent (tenant_id, customer_id, channel, purpose, granted, method, wording_version,
                                             recorded_by)
                        select app_current_tenant(), u.customer, u.channel, 'ADVERTISING', u.granted, 'IMPORT', 'import', ?
                          from unnest(?::bigint[], ?::text[], ?::boolean[]) u(customer, channel, granted)
                         where u.granted is distinct from (
                               select k.granted from consent k
                                where k.customer_id = u.customer and k.channel = u.channel and k.purpose = 'ADVERTISING'
                                  and not k.pending
                                order by k.recorded_at desc, k.id desc limit 1)
                        """)
                .params(ownerId, customers.toArray(Long[]::new), channels.toArray(String[]::new),
                        granted.toArray(Boolean[]::new))
                .update();
    }

    private static String[] column(List<ImportRow> rows, String key) {
        return rows.stream().map(r -> {
            Object value = r.values().get(key);
            return value == null ? null : value.toString().strip();
        }).toArray(String[]::new);
    }

    private static String[] tags(List<ImportRow> rows) {
        return rows.stream().map(r -> {
            String tags = r.text("tags");
            return tags == null ? null : String.join(",", Arrays.stream(
                    Normalizer.normalize(tags, Normalizer.Form.NFKC).split("[,、\\s]+"))
                    .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList());
        }).toArray(String[]::new);
    }
}
