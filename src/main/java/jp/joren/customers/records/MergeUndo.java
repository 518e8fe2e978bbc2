package jp.joren.customers.records;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Undoes a merge of {@link CustomerMerges} from what it recorded, within 30 days. */
@Service
@RequiredArgsConstructor
class MergeUndo {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * Puts back what the merge moved and what it changed on the survivor, except the fields someone has changed
     * since: those keep today's value and are returned, so the owner is told. Refused after 30 days, and
     * once either customer's personal data has been erased.
     */
    @Transactional
    public List<String> undo(long mergeId, long ownerId) {
        CustomerMerge merge = find(mergeId, true);
        if (!merge.undoableAt(clock.instant())) {
            throw new CustomerMerges.MergeRefusedException();
        }
        long shop = CurrentTenant.require();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        // fields the merge changed: restored where they still hold what the merge left, kept where edited since
        Map<String, List<String>> fields = jdbc.sql("""
                        with now as (select %s as fields from customer s where s.tenant_id = :shop and s.id = :survivor)
                        select k as field, (now.fields -> k) is not distinct from (m.survivor_after -> k) as untouched
                          from customer_merge m, now, jsonb_object_keys(m.survivor_after) k
                         where m.tenant_id = :shop and m.id = :merge and m.erased_at is null
                           and (m.survivor_before -> k) is distinct from (m.survivor_after -> k)
                        """.formatted(CustomerMerges.RESTORABLE))
                .param("shop", shop).param("survivor", merge.survivorId()).param("merge", mergeId)
                .query((rs, i) -> Map.entry(rs.getString("field"), rs.getBoolean("untouched"))).list().stream()
                .collect(Collectors.groupingBy(field -> field.getValue() ? "restore" : "keep",
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        List<String> restore = fields.getOrDefault("restore", List.of());
        List<String> kept = fields.getOrDefault("keep", List.of());
        putBack("purchase", "moved_purchases", shop, mergeId);
        putBack("owned_product", "moved_owned", shop, mergeId);
        putBack("consent", "moved_consents", shop, mergeId);
        jdbc.sql("""
                        -- The survivor's fields listed in :restore back to what they held before the merge
                        update customer s
                           set email = case when 'email' = any(:restore) then b->>'email' else s.email end,
                               phone = case when 'phone' = any(:restore) then b->>'phone' else s.phone end,
                               name_kana = case when 'name_kana' = any(:restore) then b->>'name_kana' else s.name_kana end,
                               postal_code = case when 'postal_code' = any(:restore) then b->>'postal_code'
                                                  else s.postal_code end,
                               prefecture = case when 'prefecture' = any(:restore) then b->>'prefecture' else s.prefecture end,
                               city = case when 'city' = any(:restore) then b->>'city' else s.city end,
                               town = case when 'town' = any(:restore) then b->>'town' else s.town end,
                               address_line = case when 'address_line' = any(:restore) then b->>'address_line'
                                                   else s.address_line end,
                               birthday = case when 'birthday' = any(:restore) then (b->>'birthday')::date else s.birthday end,
                               notes = case when 'notes' = any(:restore) then b->>'notes' else s.notes end,
                               tags = case when 'tags' = any(:restore) then array(select jsonb_array_elements_text(b->'tags'))
                                           else s.tags end,
                               updated_at = :now, updated_by = :owner
                          from (select survivor_before as b, survivor_id, tenant_id from customer_merge
                                 where tenant_id = :shop and id = :merge) m
                         where s.tenant_id = :shop and s.tenant_id = m.tenant_id and s.id = m.survivor_id
                        """).param("shop", shop).param("merge", mergeId).param("owner", ownerId).param("now", now)
                .param("restore", restore.toArray(String[]::new)).update();
        jdbc.sql("""
                        update customer c
                           set status = m.survivor_before->>'merged_status', merged_into_id = null, updated_at = :now,
                               updated_by = :owner
                          from customer_merge m
                         where m.tenant_id = :shop and m.id = :merge and c.tenant_id = :shop and c.tenant_id = m.tenant_id and c.id = m.merged_id
                        """).param("shop", shop).param("merge", mergeId).param("owner", ownerId).param("now", now).update();
        jdbc.sql("update customer_merge set undone_at = :now, undone_by = :owner where tenant_id = :shop and id = :merge")
                .param("now", now).param("owner", ownerId).param("shop", shop).param("merge", mergeId).update();
        audit.record(ownerId, AuditAction.CUSTOMER_MERGE_UNDONE, "customer", merge.survivorId(),
                Map.of("mergedCustomer", merge.mergedId(), "keptEdits", kept));
        return kept;
    }

    private CustomerMerge find(long mergeId, boolean lock) {
        return jdbc.sql(CustomerMerges.SELECT + " and m.id = :id" + (lock ? " for update of m" : ""))
                .param("shop", CurrentTenant.require()).param("id", mergeId).query(CustomerMerge.class).optional()
                .orElseThrow(() -> new NotFoundException("merge", mergeId));
    }

    /** Gives the merged customer back the rows of {@code table} the merge moved (listed in its {@code moved} column). */
    private void putBack(String table, String moved, long shop, long mergeId) {
        jdbc.sql("""
                        update %1$s t set customer_id = m.merged_id
                          from customer_merge m
                         where m.tenant_id = :shop and m.id = :merge and t.tenant_id = m.tenant_id
                           and t.id = any(m.%2$s) and t.customer_id = m.survivor_id
                        """.formatted(table, moved)).param("shop", shop).param("merge", mergeId).update();
    }
}
