package jp.joren.imports;

import java.time.Instant;

/**
 * An import as the owner follows it: uploaded, checked (with its problems), running, done or failed; or
 * interrupted: its node stopped while it ran, nothing of it was saved, and it can be run again.
 */
record ImportJob(long id, ImportKind kind, String filename, String encoding, String mapping, String status,
                        String mode, Integer totalRows, Integer badRows, String problems, int processedRows,
                        int createdRows, int updatedRows, String error, Instant createdAt, Instant finishedAt,
                        boolean interrupted, String matches, int conflicts, String decisions, Instant undoneAt,
                        java.math.BigDecimal currencyFactor, String warnings, String outcome) {

    /** An import of any kind can be undone for 30 days, like a merge. */
    public static final java.time.Duration UNDO_PERIOD = java.time.Duration.ofDays(30);

    public boolean undoableAt(Instant now) {
        return status.equals("DONE") && undoneAt == null && finishedAt != null
                && finishedAt.plus(UNDO_PERIOD).isAfter(now);
    }

    public boolean undone() {
        return undoneAt != null;
    }

    public boolean checked() {
        return totalRows != null;
    }

    public boolean running() {
        return status.equals("RUNNING") && !interrupted;
    }

    public String statusKey() {
        return "import.status." + (interrupted ? "INTERRUPTED" : status);
    }

    public boolean finished() {
        return status.equals("DONE") || status.equals("FAILED");
    }

    public int percent() {
        return totalRows == null || totalRows == 0 ? 0 : Math.min(100, processedRows * 100 / totalRows);
    }
}
