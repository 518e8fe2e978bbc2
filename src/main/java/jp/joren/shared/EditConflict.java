package jp.joren.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Someone saved the record after this person opened it. Their form is shown again as they typed it, beside
 * what is saved now wherever the two differ, and saving again is their deliberate choice.
 */
public class EditConflict extends RuntimeException {

    /** A field whose saved value is not what this person typed. */
    public record Difference(String field, Object saved, Object typed) {
    }

    public EditConflict() {
        super("edited meanwhile", null, false, false);
    }

    /** The fields of two snapshots (field → value, in display order) whose values differ. */
    public static List<Difference> between(Map<String, ?> saved, Map<String, ?> typed) {
        List<Difference> differences = new ArrayList<>();
        saved.forEach((field, value) -> {
            if (!Objects.equals(String.valueOf(value), String.valueOf(typed.get(field)))) {
                differences.add(new Difference(field, value, typed.get(field)));
            }
        });
        return differences;
    }
}
