package jp.joren.imports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.joren.customers.CustomerCodes;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customers a customer import creates: a batch of rows inserted in one statement, the rows without a member
 * code given the shop's next codes, and what each new customer holds kept for the undo.
 */
@RequiredArgsConstructor
final class NewCustomers {

    private final JdbcClient jdbc;
    private final CustomerCodes codes;
    private final JsonMapper json;
    private final long ownerId;
    private final ImportRun run;

    /** Creates a customer of each row; returns their ids, in the rows' order. */
    List<Long> create(List<ImportRow> rows) {
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('customer', 'id')) from generate_series(1, ?)")
                .param(rows.size()).query(Long.class).list();
        if (rows.isEmpty()) {
            return ids;
        }
        OffsetDateTime now = run.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        -- one new customer per element of the arrays, made and changed by the owner, now
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
                        on conflict (tenant_id, id) do nothing
                        """)
                .params(CustomerColumns.prepend(CustomerColumns.arrays(ids.toArray(Long[]::new), rows), ownerId, ownerId,
                        now, now))
                .update();
        keepForUndo(ids, rows, numberUncoded(ids, rows));
        return ids;
    }

    /** What each new customer holds, built from the row as the insert stored it (no lookup per customer). */
    private void keepForUndo(List<Long> ids, List<ImportRow> rows, Map<Long, String> numbered) {
        String[] after = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> fields = ImportedFields.asCreated(rows.get(i));
            if (numbered.containsKey(ids.get(i))) {
                fields.put("code", numbered.get(ids.get(i)));
            }
            after[i] = json.writeValueAsString(fields);
        }
        jdbc.sql("""
                        insert into import_customer_change (tenant_id, import_id, customer_id, created, after)
                        select :shop, :import, u.id, true, u.after::jsonb
                          from unnest(:ids::bigint[], :after::text[]) u(id, after)
                        on conflict (tenant_id, import_id, customer_id) do nothing
                        """)
                .param("import", run.importId()).param("shop", CurrentTenant.require())
                .param("ids", ids.toArray(Long[]::new)).param("after", after).update();
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
}
