package jp.joren.imports;

import java.util.Map;

/** A data row of the file, read into its fields; {@code line} is its row number as Excel shows it. */
record ImportRow(long line, Map<String, Object> values) {

    String text(String key) {
        return (String) values.get(key);
    }

    @SuppressWarnings("unchecked")
    <T> T value(String key) {
        return (T) values.get(key);
    }
}
