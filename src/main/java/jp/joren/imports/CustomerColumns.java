package jp.joren.imports;

import java.util.Arrays;
import java.util.List;

/** A batch of customer rows as one array per column, in the order the insert and the update unnest them. */
final class CustomerColumns {

    private CustomerColumns() {
    }

    static Object[] arrays(Long[] ids, List<ImportRow> rows) {
        return new Object[] {ids, column(rows, "code"), column(rows, "name"), column(rows, "nameKana"),
                column(rows, "phone"), column(rows, "email"), column(rows, "postalCode"), column(rows, "prefecture"),
                column(rows, "city"), column(rows, "town"), column(rows, "addressLine"), column(rows, "birthday"),
                column(rows, "channel"), tags(rows), column(rows, "notes")};
    }

    static Object[] prepend(Object[] arrays, Object... first) {
        Object[] params = new Object[first.length + arrays.length];
        System.arraycopy(first, 0, params, 0, first.length);
        System.arraycopy(arrays, 0, params, first.length, arrays.length);
        return params;
    }

    static Object[] append(Object[] params, Object last) {
        Object[] all = Arrays.copyOf(params, params.length + 1);
        all[params.length] = last;
        return all;
    }

    private static String[] column(List<ImportRow> rows, String key) {
        return CustomerMatcher.column(rows, key);
    }

    private static String[] tags(List<ImportRow> rows) {
        return rows.stream().map(r -> {
            String tags = r.text("tags");
            return tags == null ? null : ImportedFields.tags(tags);
        }).toArray(String[]::new);
    }
}
