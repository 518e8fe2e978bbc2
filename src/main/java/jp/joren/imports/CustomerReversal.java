package jp.joren.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.imports.ImportUndo.Result;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reversal of what an import did to customers, like a merge's undo: the fields it changed are put back (except
 * those someone has changed since, which keep today's value and are named), so are the consents it recorded, and
 * the customers it created are removed.
 */
@Component
@RequiredArgsConstructor
class CustomerReversal {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    /** Puts back the customers an import changed and removes those it created (their blockers checked before). */
    Result undo(long shop, long importId, long ownerId) {
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
     * For each customer the import changed: the fields to put back (field → [today's value, the value before
     * the import]) — those still holding what the import wrote — and the fields edited since, which stay.
     */
    private void restorable(long shop, long importId, Map<Long, Map<String, List<String>>> restored,
            Map<Long, List<String>> kept) {
        jdbc.sql("""
                        select ch.customer_id, ch.before::text as before, ch.after::text as after, %s::text as now
                          from import_customer_change ch
                          join customer c on c.tenant_id = :shop and c.tenant_id = ch.tenant_id and c.id = ch.customer_id
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
                                            where n.tenant_id = :shop and n.tenant_id = k.tenant_id and n.customer_id = k.customer_id
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
                        -- each customer's fields as the import found them, where the import's value is still there
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
                               birthday = case when b -> 'birthday' is not null then r.birthday else c.birthday end,
                               acquisition_channel = case when b -> 'acquisitionChannel' is not null then b->>'acquisitionChannel'
                                                          else c.acquisition_channel end,
                               tags = case when b -> 'tags' is not null then coalesce(string_to_array(nullif(b->>'tags', ''), ','), '{}')
                                           else c.tags end,
                               notes = case when b -> 'notes' is not null then b->>'notes' else c.notes end,
                               updated_at = :now, updated_by = :owner
                          -- a key present with a JSON null is not an SQL null: b -> 'x' is not null means "restore x"
                          -- (the values read from their text outside the case, and kept outside by offset 0: Citus allows
                          -- no STABLE cast inside one)
                          from (select u.id, u.b::jsonb as b, (u.b::jsonb ->> 'birthday')::date as birthday
                                  from unnest(:ids::bigint[], :values::text[]) u(id, b)
                                offset 0) r
                         where c.tenant_id = :shop and c.id = r.id
                        """)
                .param("ids", ids.toArray(Long[]::new)).param("values", values.toArray(String[]::new))
                .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).param("owner", ownerId)
                .param("shop", shop).update();
    }
}
