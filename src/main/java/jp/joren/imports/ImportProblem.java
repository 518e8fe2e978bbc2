package jp.joren.imports;

/**
 * Something wrong with one cell or row: the report lists each with its line so the owner can fix the file.
 * The message is given the value and the {@code limit} (the longest text the column takes, say).
 */
record ImportProblem(long line, String field, String message, String value, Object limit) {

    ImportProblem(long line, String field, String message, String value) {
        this(line, field, message, value, null);
    }
}
