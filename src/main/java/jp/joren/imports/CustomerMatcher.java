package jp.joren.imports;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the existing customer each row of a batch is, in one query: by member code, else by email, else by
 * phone <em>and</em> a compatible name (the same reading, or the same name, after normalisation). A phone that
 * belongs to someone with another name is a conflict — a household sharing a landline — never a match.
 */
@RequiredArgsConstructor
final class CustomerMatcher {

    /** The customer a row is (or collides with), with their fields as they are now; null id when nobody. */
    record Found(Long id, boolean conflict, Map<String, String> before) {
    }

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    List<Found> find(List<ImportRow> rows) {
        // the keys are computed before the lookup: row-level security keeps any function applied to a column of
        // the query (here u.*) out of index conditions, so the lookup compares plain keys
        return jdbc.sql("""
                        -- the existing customer each row is (or collides with), in row order, with their fields now
                        with keys as materialized (
                            select u.ord, lower(u.code) as code, lower(trim(u.email)) as email, phone_key(u.phone) as phone,
                                   name_key(u.name) as name, kana_key(u.kana) as kana
                              from unnest(:codes::text[], :emails::text[], :phones::text[], :names::text[], :kanas::text[])
                                   with ordinality u(code, email, phone, name, kana, ord)),
                        -- by code, else by email: coalesce looks the email up only when the code found nobody
                        direct as materialized (
                            select k.*, coalesce(
                                       (select c.id from customer c
                                         where c.tenant_id = :shop and c.status in ('ACTIVE', 'ARCHIVED')
                                           and c.code_key = k.code
                                         order by c.id limit 1),
                                       (select c.id from customer c
                                         where c.tenant_id = :shop and c.status in ('ACTIVE', 'ARCHIVED')
                                           and c.email_key = k.email
                                         order by c.id limit 1)) as id
                              from keys k),
                        -- else by phone, only when neither found anyone: the customer with a compatible name first
                        found as materialized (
                            select d.ord, coalesce(d.id, p.id) as id, coalesce(p.conflict, false) as conflict
                              from direct d
                              left join lateral (
                                  select c.id, not coalesce(c.kana_key = d.kana or c.name_key = d.name, false) as conflict
                                    from customer c
                                   where d.id is null and c.tenant_id = :shop and c.status in ('ACTIVE', 'ARCHIVED')
                                     and c.phone_normalized = d.phone
                                   order by 2, c.id
                                   limit 1) p on true)
                        -- one primary-key lookup per row found; the key is a plain column of the CTE, or row-level
                        -- security keeps the comparison out of the index condition (ADR 3)
                        select f.id, f.conflict,
                               (select %s::text from customer c where c.tenant_id = :shop and c.id = f.id) as before
                          from found f
                         order by f.ord
                        """.formatted(ImportedFields.SNAPSHOT))
                .param("codes", column(rows, "code")).param("emails", column(rows, "email"))
                .param("phones", column(rows, "phone")).param("names", column(rows, "name"))
                .param("kanas", column(rows, "nameKana")).param("shop", CurrentTenant.require())
                .query((rs, i) -> {
                    Long id = (Long) rs.getObject("id");
                    return new Found(id, rs.getBoolean("conflict"),
                            id == null ? Map.of() : json.readValue(rs.getString("before"), FIELDS));
                })
                .list();
    }

    /** How many visits (days with a completed purchase, in the shop's time zone) each customer has had. */
    Map<Long, Long> visits(List<Long> customerIds, ZoneId zone) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select p.customer_id, count(distinct (p.purchased_at at time zone :zone)::date) as visits
                          from completed_purchase p
                         where p.tenant_id = :shop and p.customer_id = any(:ids)
                         group by p.customer_id
                        """)
                .param("zone", zone.getId()).param("shop", CurrentTenant.require())
                .param("ids", customerIds.toArray(Long[]::new))
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static String[] column(List<ImportRow> rows, String key) {
        return rows.stream().map(r -> {
            Object value = r.values().get(key);
            return value == null ? null : value.toString().strip();
        }).toArray(String[]::new);
    }
}
