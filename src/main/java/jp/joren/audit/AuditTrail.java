package jp.joren.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log: the whole shop's, newest first, or one record's own history. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private static final String EVENTS = """
            select e.id, e.occurred_at, a.display_name as actor_name, e.action, e.subject_type, e.subject_id,
                   e.details::text as details
              from audit_event e
              left join account a on a.tenant_id = e.tenant_id and a.id = e.actor_id
            """;

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEvent> of(String subjectType, long subjectId) {
        return jdbc.sql(EVENTS + " where e.subject_type = :type and e.subject_id = :id order by e.occurred_at desc, e.id desc")
                .param("type", subjectType).param("id", subjectId)
                .query(AuditEvent.class).list();
    }

    public List<AuditEvent> recent(int offset, int limit) {
        return jdbc.sql(EVENTS + " order by e.occurred_at desc, e.id desc offset :offset limit :limit")
                .param("offset", offset).param("limit", limit)
                .query(AuditEvent.class).list();
    }
}
