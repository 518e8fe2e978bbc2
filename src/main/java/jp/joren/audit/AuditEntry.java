package jp.joren.audit;

import java.util.List;

/** An audit event with what it says, as sentences in the reader's language that name people, not ids. */
public record AuditEntry(AuditEvent event, List<String> sentences) {
}
