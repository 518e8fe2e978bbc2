package jp.joren.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log: the whole shop's, newest first, or one record's own history, each event told as
 * sentences that name the people and receipts it concerns by today's names.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class AuditTrail {

    private static final String EVENTS = """
            select e.id, e.occurred_at, a.display_name as actor_name, e.action, e.subject_type, e.subject_id,
                   case e.subject_type when 'customer' then c.name
                                       when 'purchase' then coalesce(p.receipt_number::text, p.external_ref) end
                       as subject_name,
                   e.details::text as details
              from audit_event e
              left join account a on a.tenant_id = :shop and a.tenant_id = e.tenant_id and a.id = e.actor_id
              left join customer c on e.subject_type = 'customer' and c.tenant_id = :shop and c.tenant_id = e.tenant_id and c.id = e.subject_id
              left join purchase p on e.subject_type = 'purchase' and p.tenant_id = :shop and p.tenant_id = e.tenant_id and p.id = e.subject_id
             where e.tenant_id = :shop
            """;

    private final JdbcClient jdbc;
    private final AuditSentences sentences;

    public List<AuditEntry> of(String subjectType, long subjectId) {
        return told(jdbc.sql(EVENTS + " and e.subject_type = :type and e.subject_id = :id order by e.occurred_at desc, e.id desc")
                .param("shop", CurrentTenant.require()).param("type", subjectType).param("id", subjectId)
                .query(AuditEvent.class).list());
    }

    public List<AuditEntry> recent(int offset, int limit) {
        return told(jdbc.sql(EVENTS + " order by e.occurred_at desc, e.id desc offset :offset limit :limit")
                .param("shop", CurrentTenant.require()).param("offset", offset).param("limit", limit)
                .query(AuditEvent.class).list());
    }

    private List<AuditEntry> told(List<AuditEvent> events) {
        return sentences.tell(events, this);
    }

    /** Today's names of the customers an event points at by id (a merged one, a receipt's customer). */
    Map<Long, String> customerNames(Collection<Long> ids) {
        return names("customer", ids);
    }

    Map<Long, String> storeNames(Collection<Long> ids) {
        return names("store", ids);
    }

    private Map<Long, String> names(String table, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, name from " + table + " where tenant_id = :shop and id in (:ids)")
                .param("shop", CurrentTenant.require()).param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("name"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
