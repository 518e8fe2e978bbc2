package jp.joren.imports;

import java.util.Map;

/**
 * A data row of the file, read into its fields; {@code line} is its row number as Excel shows it. A row with
 * cells that could not be read is not {@code complete}: it holds the cells that could, so that its other
 * problems (a duplicate, a bad address) are reported with them, all at once.
 */
record ImportRow(long line, Map<String, Object> values, boolean complete) {

    ImportRow(long line, Map<String, Object> values) {
        this(line, values, values != null);
    }

    String text(String key) {
        return (String) values.get(key);
    }

    @SuppressWarnings("unchecked")
    <T> T value(String key) {
        return (T) values.get(key);
    }
}
