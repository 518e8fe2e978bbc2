package jp.joren.imports;

import java.util.List;

/** One pass over a file of one kind: checks each readable row, then (when writing) writes good rows in batches. */
interface KindImport {

    /** What is wrong with a row beyond its cells: duplicates within the file, references that do not exist. */
    List<ImportProblem> check(ImportRow row);

    /**
     * Whether {@link #check} also takes rows with unreadable cells (given the cells that could be read), so
     * that every problem of a row is reported at once.
     */
    default boolean checksIncompleteRows() {
        return false;
    }

    /** What the check shows the owner before anything is written: the existing records good rows would touch. */
    default List<ImportMatch> review(List<ImportRow> rows) {
        return List.of();
    }

    /** Writes good rows (in the caller's transaction) and counts what it created and updated. */
    Counts write(List<ImportRow> rows);

    /** Writes what had to wait for the whole file (e.g. receipts whose lines are spread over it). */
    default Counts finish() {
        return Counts.NONE;
    }

    /**
     * What the check found it will do without asking, as message key → how many (lines skipped as returns,
     * prices rounded to yen): shown beside the problems.
     */
    default java.util.Map<String, Long> warnings() {
        return java.util.Map.of();
    }

    /** What the run made beyond its counts, as message key → how many (receipts, customers, products). */
    default java.util.Map<String, Long> outcome() {
        return java.util.Map.of();
    }

    record Counts(int created, int updated) {

        static final Counts NONE = new Counts(0, 0);

        Counts plus(Counts other) {
            return new Counts(created + other.created, updated + other.updated);
        }
    }
}
