package jp.joren.imports;

import java.time.Instant;

/** An import as the owner follows it: uploaded, checked (with its problems), running, done or failed. */
record ImportJob(long id, ImportKind kind, String filename, String encoding, String mapping, String status,
                        String mode, Integer totalRows, Integer badRows, String problems, int processedRows,
                        int createdRows, int updatedRows, String error, Instant createdAt, Instant finishedAt) {

    public boolean checked() {
        return totalRows != null;
    }

    public boolean running() {
        return status.equals("RUNNING");
    }

    public boolean finished() {
        return status.equals("DONE") || status.equals("FAILED");
    }

    public int percent() {
        return totalRows == null || totalRows == 0 ? 0 : Math.min(100, processedRows * 100 / totalRows);
    }
}
