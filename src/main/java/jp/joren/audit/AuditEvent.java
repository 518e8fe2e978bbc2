package jp.joren.audit;

import java.time.Instant;

/**
 * One audit event as the owner reads it; details is the JSON written with it, subjectName the record's name
 * today (the customer's name, the receipt's number).
 */
public record AuditEvent(long id, Instant occurredAt, String actorName, AuditAction action, String subjectType,
                         Long subjectId, String subjectName, String details) {
}
