package jp.joren.customers.records;

import java.time.Duration;
import java.time.Instant;

/** A merge as the owner's merge list shows it, with what it moved. */
public record CustomerMerge(long id, long survivorId, String survivorName, long mergedId, String mergedName,
                            Instant mergedAt, String mergedBy, int purchases, int ownedProducts, int consents,
                            Instant undoneAt, Instant erasedAt) {

    /** A merge can be undone for 30 days. */
    public static final Duration UNDO_PERIOD = Duration.ofDays(30);

    public boolean undoableAt(Instant now) {
        return undoneAt == null && erasedAt == null && mergedAt.plus(UNDO_PERIOD).isAfter(now);
    }

    public Instant undoableUntil() {
        return mergedAt.plus(UNDO_PERIOD);
    }
}
