package jp.joren.imports;

import java.time.Instant;

/**
 * An import as the owner follows it: uploaded, checked (with its problems), running, done or failed; or
 * interrupted: its node stopped while it ran, nothing of it was saved, and it can be run again.
 */
record ImportJob(long id, ImportKind kind, String filename, String encoding, String mapping, String status,
                        String mode, Integer totalRows, Integer badRows, String problems, int processedRows,
                        int createdRows, int updatedRows, String error, Instant createdAt, Instant finishedAt,
                        boolean interrupted) {

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
