package jp.joren.customers.records;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate into the customer who stays: purchases, owned products and consent entries move,
 * notes and tags are combined, and the survivor's empty contact fields are filled from the duplicate.
 * Everything moved is recorded, so an undo within 30 days ({@link MergeUndo}) puts back exactly that.
 */
@Service
@RequiredArgsConstructor
public class CustomerMerges {

    /** The survivor's fields a merge may change, and so an undo may restore, of customer row {@code s}. */
    static final String RESTORABLE = """
            jsonb_build_object('email', s.email, 'phone', s.phone, 'name_kana', s.name_kana,
                               'postal_code', s.postal_code, 'prefecture', s.prefecture, 'city', s.city,
                               'town', s.town, 'address_line', s.address_line, 'birthday', s.birthday,
                               'notes', s.notes, 'tags', to_jsonb(s.tags))""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    /** @return the merge's id; refuses to merge a customer with themselves or one that is merged or retired */
    @Transactional
    public long merge(long survivorId, long mergedId, long ownerId) {
        long shop = CurrentTenant.require();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<String> statuses = jdbc.sql("select status from customer where tenant_id = :shop and id in (:ids) order by id for update")
                .param("shop", shop).param("ids", List.of(survivorId, mergedId)).query(String.class).list();
        if (survivorId == mergedId || statuses.size() != 2
                || !statuses.stream().allMatch(status -> status.equals("ACTIVE") || status.equals("ARCHIVED"))) {
            throw new MergeRefusedException();
        }
        String before = jdbc.sql("""
                        select (%s || jsonb_build_object('merged_status', m.status))::text
                          from customer s
                          join customer m on m.tenant_id = :shop and m.tenant_id = s.tenant_id and m.id = :m
                         where s.tenant_id = :shop and s.id = :s
                        """.formatted(RESTORABLE))
                .param("shop", shop).param("s", survivorId).param("m", mergedId)
                .query(String.class).single();
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
                               -- both notes, a line apart (not concat_ws: Citus refuses a STABLE function of columns here)
                               notes = nullif(case when s.notes is null then m.notes when m.notes is null then s.notes
                                                   else s.notes || E'\\n' || m.notes end, ''),
                               tags = array(select distinct t from unnest(s.tags || m.tags) t order by t),
                               updated_at = :now, updated_by = :owner
                          from customer m
                         where s.tenant_id = :shop and s.id = :s and m.tenant_id = :shop and m.tenant_id = s.tenant_id and m.id = :m
                        """)
                .param("shop", shop).param("s", survivorId).param("m", mergedId).param("owner", ownerId)
                .param("now", now).update();
        jdbc.sql("""
                        update customer set status = 'MERGED', merged_into_id = :s, updated_at = :now, updated_by = :owner
                         where tenant_id = :shop and id = :m
                        """)
                .param("shop", shop).param("s", survivorId).param("m", mergedId).param("owner", ownerId)
                .param("now", now).update();
        long mergeId = jdbc.sql("""
                        insert into customer_merge (tenant_id, survivor_id, merged_id, merged_by, moved_purchases,
                                                    moved_owned, moved_consents, survivor_before, survivor_after)
                        select s.tenant_id, :s, :m, :owner, :purchases::bigint[], :owned::bigint[],
                               :consents::bigint[], :before::jsonb, %s
                          from customer s
                         where s.tenant_id = :shop and s.id = :s
                        returning id
                        """.formatted(RESTORABLE))
                .param("shop", shop).param("s", survivorId).param("m", mergedId).param("owner", ownerId)
                .param("purchases", purchases.toArray(Long[]::new))
                .param("owned", owned.toArray(Long[]::new))
                .param("consents", consents.toArray(Long[]::new))
                .param("before", before)
                .query(Long.class).single();
        audit.record(ownerId, AuditAction.CUSTOMERS_MERGED, "customer", survivorId, Map.of("mergedCustomer", mergedId,
                "purchases", purchases.size(), "ownedProducts", owned.size(), "consents", consents.size()));
        return mergeId;
    }

    /**
     * The customer's personal data is being erased: so is every copy the merges involving them keep — the
     * customers merged into them and the merges' snapshots — and those merges can no longer be undone.
     */
    void eraseMergesOf(long customerId, Instant now) {
        long shop = CurrentTenant.require();
        Long[] merged = jdbc.sql("""
                        with recursive merged(id) as (
                            select c.id from customer c where c.tenant_id = :shop and c.merged_into_id = :customer
                            union
                            select c.id from customer c join merged on c.merged_into_id = merged.id
                             where c.tenant_id = :shop)
                        select id from merged
                        """)
                .param("shop", shop).param("customer", customerId).query(Long.class).list().toArray(Long[]::new);
        jdbc.sql("""
                        update customer c
                           set name = '-', name_kana = null, email = null, phone = null, postal_code = null, town = null,
                               address_line = null, birthday = null, notes = null, tags = '{}', code = null,
                               updated_at = :now
                         where c.tenant_id = :shop and c.id = any(:merged)
                        """)
                .param("shop", shop).param("merged", merged).param("now", now.atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("""
                        update customer_merge m set survivor_before = null, survivor_after = null, erased_at = :now
                         where m.tenant_id = :shop
                           and (m.survivor_id = :customer or m.merged_id = :customer
                                or m.survivor_id = any(:merged) or m.merged_id = any(:merged))
                        """)
                .param("shop", shop).param("customer", customerId).param("merged", merged)
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    @Transactional(readOnly = true)
    public List<CustomerMerge> recent(int limit) {
        return jdbc.sql(SELECT + " order by m.merged_at desc, m.id desc limit :limit")
                .param("shop", CurrentTenant.require()).param("limit", limit).query(CustomerMerge.class).list();
    }

    static final String SELECT = """
            select m.id, m.survivor_id, s.name as survivor_name, m.merged_id, d.name as merged_name, m.merged_at,
                   a.display_name as merged_by, cardinality(m.moved_purchases) as purchases,
                   cardinality(m.moved_owned) as owned_products, cardinality(m.moved_consents) as consents, m.undone_at,
                   m.erased_at
              from customer_merge m
              join customer s on s.tenant_id = :shop and s.tenant_id = m.tenant_id and s.id = m.survivor_id
              join customer d on d.tenant_id = :shop and d.tenant_id = m.tenant_id and d.id = m.merged_id
              left join account a on a.tenant_id = :shop and a.tenant_id = m.tenant_id and a.id = m.merged_by
             where m.tenant_id = :shop
            """;

    /** Moves the rows of {@code table} (a table of the customer's own records) to another customer of the shop. */
    private List<Long> move(String table, long from, long to) {
        return jdbc.sql("update " + table + " set customer_id = :to where tenant_id = :shop and customer_id = :from returning id")
                .param("to", to).param("shop", CurrentTenant.require()).param("from", from).query(Long.class).list();
    }

    /** The two customers cannot be merged (the same person twice, or one already merged or retired). */
    public static class MergeRefusedException extends RuntimeException {
        MergeRefusedException() {
            super("merge refused");
        }
    }
}
