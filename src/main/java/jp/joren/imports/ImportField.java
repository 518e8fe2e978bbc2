package jp.joren.imports;

import java.lang.reflect.Field;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.validation.constraints.Size;
import org.springframework.util.ReflectionUtils;

/**
 * A column Joren can read: its key, whether every row needs it, how its cells are read, the headers
 * (Japanese and English, as shops name them in Excel) that are guessed to mean it, and the longest text it
 * takes.
 */
record ImportField(String key, boolean required, Type type, List<String> headers, int maxLength,
                   UnaryOperator<String> normal) {

    /** DECIMAL: a signed number with decimals (a sales export's quantity or foreign price), read as given. */
    enum Type { TEXT, DATE, DATE_TIME, YEN, COUNT, FLAG, CHANNEL, DECIMAL }

    /** The longest text of a column that no form declares. */
    private static final int DEFAULT_MAX_LENGTH = 500;

    /**
     * Columns whose cells may hold line breaks (Alt+Enter in Excel). In any other column a line break means
     * a quote left open that swallowed the rows after it.
     */
    private static final Set<String> FREE_TEXT = Set.of("notes", "addressLine");

    static ImportField required(String key, Type type, String... headers) {
        return new ImportField(key, true, type, List.of(headers), DEFAULT_MAX_LENGTH, UnaryOperator.identity());
    }

    static ImportField optional(String key, Type type, String... headers) {
        return new ImportField(key, false, type, List.of(headers), DEFAULT_MAX_LENGTH, UnaryOperator.identity());
    }

    /**
     * This column with the length that the form for the same field declares (its {@code @Size(max)}), so
     * that a file cannot store what the counter would refuse.
     */
    ImportField limitedAs(Class<?> form) {
        Field property = ReflectionUtils.findField(form, key);
        Size size = property == null ? null : property.getAnnotation(Size.class);
        return size == null ? this : new ImportField(key, required, type, headers, size.max(), normal);
    }

    /** This column with the length that {@code form} declares for its field {@code property}. */
    ImportField limitedAs(Class<?> form, String property) {
        Field field = ReflectionUtils.findField(form, property);
        if (field == null) {
            throw new IllegalArgumentException(property + " is not a field of " + form.getSimpleName());
        }
        Size size = field.getAnnotation(Size.class);
        return size == null ? this : new ImportField(key, required, type, headers, size.max(), normal);
    }

    /**
     * This text column stored the way the counter stores the same field (e.g. NFKC phones, katakana readings):
     * {@code normal} is that field's one definition.
     */
    ImportField normalisedBy(UnaryOperator<String> normal) {
        return new ImportField(key, required, type, headers, maxLength, normal);
    }

    boolean freeText() {
        return FREE_TEXT.contains(key);
    }

    /** Whether a header (however it is spaced, cased or widened) names this field. */
    boolean matches(String header) {
        String wanted = normalized(header);
        return normalized(key).equals(wanted) || headers.stream().anyMatch(h -> normalized(h).equals(wanted));
    }

    /** Its key, then its headers, in the order a guess prefers them. */
    List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        names.add(key);
        names.addAll(headers);
        return names;
    }

    static String normalized(String header) {
        return Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC).toLowerCase()
                .replaceAll("[\\s_・･()（）\\-]", "");
    }
}
