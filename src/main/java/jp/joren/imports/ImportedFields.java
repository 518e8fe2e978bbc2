package jp.joren.imports;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The customer fields a customer import writes, named as the audit log names them, read the same way from a
 * customer row (in SQL) and from a file's row (in Java), so that "what would change" is the difference of
 * the two and an undo can put back exactly that.
 */
final class ImportedFields {

    /** The fields of customer row {@code c} as a JSON object of texts (or nulls). */
    static final String SNAPSHOT = """
            jsonb_build_object('code', c.code, 'name', c.name, 'nameKana', c.name_kana, 'phone', c.phone,
                               'email', c.email, 'postalCode', c.postal_code, 'prefecture', c.prefecture,
                               'city', c.city, 'town', c.town, 'addressLine', c.address_line,
                               'birthday', c.birthday, 'acquisitionChannel', c.acquisition_channel,
                               'tags', array_to_string(c.tags, ','), 'notes', c.notes)""";

    /** Audit log name → the import column that fills it. */
    private static final Map<String, String> COLUMNS = columns();

    private ImportedFields() {
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String same : List.of("code", "name", "nameKana", "phone", "email", "postalCode", "prefecture", "city",
                "town", "addressLine", "birthday")) {
            columns.put(same, same);
        }
        columns.put("acquisitionChannel", "channel");
        columns.put("tags", "tags");
        columns.put("notes", "notes");
        return columns;
    }

    /** The row's non-empty fields as the customer would hold them. */
    static Map<String, String> of(ImportRow row) {
        Map<String, String> fields = new LinkedHashMap<>();
        COLUMNS.forEach((field, column) -> {
            Object value = row.values().get(column);
            if (value != null) {
                fields.put(field, column.equals("tags") ? tags((String) value) : value.toString().strip());
            }
        });
        return fields;
    }

    /**
     * Every field of a customer the row creates, as {@link #SNAPSHOT} reads them back: empty cells are nulls,
     * the channel defaults to a walk-in and tags to none, as the insert writes them.
     */
    static Map<String, String> asCreated(ImportRow row) {
        Map<String, String> fields = new LinkedHashMap<>();
        COLUMNS.keySet().forEach(field -> fields.put(field, null));
        fields.put("acquisitionChannel", "WALK_IN");
        fields.put("tags", "");
        fields.putAll(of(row));
        return fields;
    }

    /** Field → [before, after] for each field the row would change on a customer who holds {@code before}. */
    static Map<String, List<String>> changes(Map<String, String> before, Map<String, String> incoming) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        incoming.forEach((field, value) -> {
            String old = before.get(field);
            if (!Objects.equals(old, value)) {
                changes.put(field, Arrays.asList(old, value));
            }
        });
        return changes;
    }

    /** Tags as typed, separated by commas (either width), 、 or spaces; each once; joined by commas. */
    static String tags(String typed) {
        return String.join(",", Arrays.stream(Normalizer.normalize(typed, Normalizer.Form.NFKC).split("[,、\\s]+"))
                .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList());
    }
}
