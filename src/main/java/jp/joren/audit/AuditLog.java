package jp.joren.audit;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit events in the caller's transaction, so an event exists exactly when the change it
 * describes was committed.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param actorId the account that did it; null for the customer themselves or a job
     * @param details what a reader needs to understand the event later, e.g. before and after
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long actorId, AuditAction action, String subjectType, Long subjectId, Map<String, ?> details) {
        jdbc.sql("""
                        insert into audit_event (tenant_id, actor_id, action, subject_type, subject_id, details)
                        values (app_current_tenant(), :actor, :action, :subjectType, :subjectId, cast(:details as jsonb))
                        """)
                .param("actor", actorId)
                .param("action", action.name())
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("details", json.writeValueAsString(details))
                .update();
    }
}
