package jp.joren.customers;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate into the customer who stays: purchases, owned products and consent entries move,
 * notes and tags are combined, and the survivor's empty contact fields are filled from the duplicate.
 * Everything moved is recorded, so an undo within 30 days puts back exactly that.
 */
@Service
public class CustomerMerges {

    /** What an undo restores on the survivor. */
    private static final String RESTORABLE = """
            jsonb_build_object('email', s.email, 'phone', s.phone, 'name_kana', s.name_kana,
                               'postal_code', s.postal_code, 'prefecture', s.prefecture, 'city', s.city,
                               'town', s.town, 'address_line', s.address_line, 'birthday', s.birthday,
                               'notes', s.notes, 'tags', to_jsonb(s.tags), 'merged_status', m.status)""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CustomerMerges(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the merge's id; refuses to merge a customer with themselves or one that is merged or retired */
    @Transactional
    public long merge(long survivorId, long mergedId, long ownerId) {
        List<String> statuses = jdbc.sql("select status from customer where id in (:ids) order by id for update")
                .param("ids", List.of(survivorId, mergedId)).query(String.class).list();
        if (survivorId == mergedId || statuses.size() != 2
                || !statuses.stream().allMatch(status -> status.equals("ACTIVE") || status.equals("ARCHIVED"))) {
            throw new MergeRefusedException();
        }
        String before = jdbc.sql("select " + RESTORABLE + "::text from customer s, customer m where s.id = :s and m.id = :m")
                .param("s", survivorId).param("m", mergedId).query(String.class).single();
        List<Long> purchases = move("purchase", mergedId, survivorId);
        List<Long> owned = move("owned_product", mergedId, survivorId);
        List<Long> consents = move("consent", mergedId, survivorId);
        jdbc.sql("""
                        update customer s
                           set email = coalesce(s.email, m.email), phone = coalesce(s.phone, m.phone),
                               name_kana = coalesce(s.name_kana, m.name_kana),
                               postal_code = coalesce(s.postal_code, m.postal_code),
                               prefecture = coalesce(s.prefecture, m.prefecture), city = coalesce(s.city, m.city),
                               town = coalesce(s.town, m.town), address_line = coalesce(s.address_line, m.address_line),
                               birthday = coalesce(s.birthday, m.birthday),
                               notes = nullif(concat_ws(E'\\n', s.notes, m.notes), ''),
                               tags = array(select distinct t from unnest(s.tags || m.tags) t order by t),
                               updated_at = now(), updated_by = :owner
                          from customer m
                         where s.id = :s and m.id = :m
                        """)
                .param("s", survivorId).param("m", mergedId).param("owner", ownerId).update();
        jdbc.sql("""
                        update customer set status = 'MERGED', merged_into_id = :s, updated_at = now(), updated_by = :owner
                         where id = :m
                        """)
                .param("s", survivorId).param("m", mergedId).param("owner", ownerId).update();
        long mergeId = jdbc.sql("""
                        insert into customer_merge (tenant_id, survivor_id, merged_id, merged_by, moved_purchases,
                                                    moved_owned, moved_consents, survivor_before)
                        values (app_current_tenant(), :s, :m, :owner, :purchases::bigint[], :owned::bigint[],
                                :consents::bigint[], :before::jsonb)
                        returning id
                        """)
                .param("s", survivorId).param("m", mergedId).param("owner", ownerId)
                .param("purchases", purchases.toArray(Long[]::new))
                .param("owned", owned.toArray(Long[]::new))
                .param("consents", consents.toArray(Long[]::new))
                .param("before", before)
                .query(Long.class).single();
        audit.record(ownerId, AuditAction.CUSTOMERS_MERGED, "customer", survivorId, Map.of("mergedCustomer", mergedId,
                "purchases", purchases.size(), "ownedProducts", owned.size(), "consents", consents.size()));
        return mergeId;
    }

    /** Puts back what the merge moved and what it changed on the survivor; refused after 30 days. */
    @Transactional
    public void undo(long mergeId, long ownerId) {
        CustomerMerge merge = find(mergeId, true);
        if (!merge.undoableAt(clock.instant())) {
            throw new MergeRefusedException();
        }
        jdbc.sql("""
                        update purchase set customer_id = m.merged_id
                          from customer_merge m
                         where m.id = :merge and purchase.id = any(m.moved_purchases) and purchase.customer_id = m.survivor_id
                        """).param("merge", mergeId).update();
        jdbc.sql("""
                        update owned_product set customer_id = m.merged_id
                          from customer_merge m
                         where m.id = :merge and owned_product.id = any(m.moved_owned)
                           and owned_product.customer_id = m.survivor_id
                        """).param("merge", mergeId).update();
        jdbc.sql("""
                        update consent set customer_id = m.merged_id
                          from customer_merge m
                         where m.id = :merge and consent.id = any(m.moved_consents) and consent.customer_id = m.survivor_id
                        """).param("merge", mergeId).update();
        jdbc.sql("""
                        update customer s
                           set email = b->>'email', phone = b->>'phone', name_kana = b->>'name_kana',
                               postal_code = b->>'postal_code', prefecture = b->>'prefecture', city = b->>'city',
                               town = b->>'town', address_line = b->>'address_line', birthday = (b->>'birthday')::date,
                               notes = b->>'notes', tags = array(select jsonb_array_elements_text(b->'tags')),
                               updated_at = now(), updated_by = :owner
                          from (select survivor_before as b, survivor_id from customer_merge where id = :merge) m
                         where s.id = m.survivor_id
                        """).param("merge", mergeId).param("owner", ownerId).update();
        jdbc.sql("""
                        update customer c
                           set status = m.survivor_before->>'merged_status', merged_into_id = null, updated_at = now(),
                               updated_by = :owner
                          from customer_merge m
                         where m.id = :merge and c.id = m.merged_id
                        """).param("merge", mergeId).param("owner", ownerId).update();
        jdbc.sql("update customer_merge set undone_at = now(), undone_by = :owner where id = :merge")
                .param("merge", mergeId).param("owner", ownerId).update();
        audit.record(ownerId, AuditAction.CUSTOMER_MERGE_UNDONE, "customer", merge.survivorId(),
                Map.of("mergedCustomer", merge.mergedId()));
    }

    @Transactional(readOnly = true)
    public List<CustomerMerge> recent(int limit) {
        return jdbc.sql(SELECT + " order by m.merged_at desc, m.id desc limit :limit")
                .param("limit", limit).query(CustomerMerge.class).list();
    }

    private CustomerMerge find(long mergeId, boolean lock) {
        return jdbc.sql(SELECT + " where m.id = :id" + (lock ? " for update of m" : ""))
                .param("id", mergeId).query(CustomerMerge.class).optional()
                .orElseThrow(() -> new NotFoundException("merge", mergeId));
    }

    private static final String SELECT = """
            select m.id, m.survivor_id, s.name as survivor_name, m.merged_id, d.name as merged_name, m.merged_at,
                   a.display_name as merged_by, cardinality(m.moved_purchases) as purchases,
                   cardinality(m.moved_owned) as owned_products, cardinality(m.moved_consents) as consents, m.undone_at
              from customer_merge m
              join customer s on s.tenant_id = m.tenant_id and s.id = m.survivor_id
              join customer d on d.tenant_id = m.tenant_id and d.id = m.merged_id
              left join account a on a.tenant_id = m.tenant_id and a.id = m.merged_by
            """;

    private List<Long> move(String table, long from, long to) {
        return jdbc.sql("update " + table + " set customer_id = :to where customer_id = :from returning id")
                .param("to", to).param("from", from).query(Long.class).list();
    }

    /** The two customers cannot be merged (the same person twice, or one already merged or retired). */
    public static class MergeRefusedException extends RuntimeException {
        MergeRefusedException() {
            super("merge refused");
        }
    }
}
