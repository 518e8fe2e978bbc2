package jp.joren.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
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
@RequiredArgsConstructor
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    /**
     * @param actorId the account that did it; null for the customer themselves or a job
     * @param details what a reader needs to understand the event later, e.g. before and after
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(@Nullable Long actorId, AuditAction action, String subjectType, @Nullable Long subjectId,
            Map<String, ?> details) {
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

    /**
     * One event per subject, in one statement (an import changes thousands of customers): each subject with its
     * own details, e.g. the fields changed with their before and after.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEach(Long actorId, AuditAction action, String subjectType,
            Map<Long, ? extends Map<String, ?>> detailsBySubject) {
        if (detailsBySubject.isEmpty()) {
            return;
        }
        List<Long> subjects = new ArrayList<>();
        List<String> details = new ArrayList<>();
        detailsBySubject.forEach((subject, detail) -> {
            subjects.add(subject);
            details.add(json.writeValueAsString(detail));
        });
        jdbc.sql("""
                        insert into audit_event (tenant_id, actor_id, action, subject_type, subject_id, details)
                        select app_current_tenant(), :actor, :action, :subjectType, u.subject, u.details::jsonb
                          from unnest(:subjects::bigint[], :details::text[]) u(subject, details)
                        on conflict (tenant_id, id) do nothing
                        """)
                .param("actor", actorId)
                .param("action", action.name())
                .param("subjectType", subjectType)
                .param("subjects", subjects.toArray(Long[]::new))
                .param("details", details.toArray(String[]::new))
                .update();
    }
}
