package jp.joren.imports;

import java.util.ArrayList;
import java.util.List;

import jp.joren.imports.ImportUndo.Blocker;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What keeps an import from being undone: the customers it created that have been used since, and the receipts it
 * registered that have been handled since, each with why it must stay. One of them refuses the whole undo.
 */
@Component
@RequiredArgsConstructor
class UndoBlockers {

    private final JdbcClient jdbc;

    /** The customers the import created that have been used since, each with why it must stay. */
    List<Blocker> customers(long shop, long importId) {
        return jdbc.sql("""
                        -- each customer the import created, with each way they have been used since (a reason each)
                        select c.id, c.name, c.code,
                               -- the receipts of a sales export that created the customer go with them
                               exists (select 1 from purchase p where p.tenant_id = :shop and p.tenant_id = c.tenant_id and p.customer_id = c.id
                                          and p.import_id is distinct from :import) as purchased,
                               exists (select 1 from owned_product o where o.tenant_id = :shop and o.tenant_id = c.tenant_id and o.customer_id = c.id
                                          and not exists (select 1 from purchase q where q.tenant_id = :shop and q.tenant_id = o.tenant_id
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
                                   or exists (select 1 from contact_task t where t.tenant_id = :shop and t.tenant_id = c.tenant_id
                                                 and t.customer_id = c.id)
                                   or exists (select 1 from join_confirmation j where j.tenant_id = :shop and j.tenant_id = c.tenant_id
                                                 and j.customer_id = c.id) as contacted,
                               %s is distinct from ch.after
                                   or exists (select 1 from consent e where e.tenant_id = :shop and e.tenant_id = c.tenant_id
                                                 and e.customer_id = c.id and e.method <> 'IMPORT') as edited
                          from import_customer_change ch
                          join customer c on c.tenant_id = :shop and c.tenant_id = ch.tenant_id and c.id = ch.customer_id
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

    /** The receipts the import registered that have been handled since, each with why it must stay. */
    List<Blocker> receipts(long shop, long importId) {
        return jdbc.sql("""
                        -- each receipt the import registered, with each way it has been handled since (a reason each)
                        select p.id, p.external_ref, p.business_date,
                               p.status <> 'COMPLETED'
                                   or exists (select 1 from audit_event e where e.tenant_id = :shop and e.tenant_id = p.tenant_id
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
}
