package jp.joren.imports;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The existing customers a customer import changes: the file's non-empty cells written over their fields, each
 * field changed kept for the undo (its before and after) and told to the audit log.
 */
@RequiredArgsConstructor
final class CustomerUpdates {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    private final long ownerId;
    private final ImportRun run;

    /** Writes the changed fields, keeps them for the undo and tells the audit log, one statement each. */
    void update(Map<Long, Map<String, List<String>>> changed, List<ImportRow> rows) {
        Long[] ids = changed.keySet().toArray(Long[]::new);
        jdbc.sql("""
                        -- the non-empty cells of each row over the fields of the customer it is, changed by the owner
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
                .params(CustomerColumns.append(CustomerColumns.prepend(CustomerColumns.arrays(ids, rows),
                        run.now().atOffset(ZoneOffset.UTC), ownerId), CurrentTenant.require()))
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
}
