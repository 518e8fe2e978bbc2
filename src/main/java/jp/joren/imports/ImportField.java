package jp.joren.imports;

import java.text.Normalizer;
import java.util.List;

/**
 * A column Joren can read: its key, whether every row needs it, how its cells are read, and the headers
 * (Japanese and English, as shops name them in Excel) that are guessed to mean it.
 */
record ImportField(String key, boolean required, Type type, List<String> headers) {

    enum Type { TEXT, DATE, DATE_TIME, YEN, COUNT, FLAG, CHANNEL }

    static ImportField required(String key, Type type, String... headers) {
        return new ImportField(key, true, type, List.of(headers));
    }

    static ImportField optional(String key, Type type, String... headers) {
        return new ImportField(key, false, type, List.of(headers));
    }

    /** Whether a header (however it is spaced, cased or widened) names this field. */
    boolean matches(String header) {
        String wanted = normalized(header);
        return normalized(key).equals(wanted) || headers.stream().anyMatch(h -> normalized(h).equals(wanted));
    }

    static String normalized(String header) {
        return Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC).toLowerCase()
                .replaceAll("[\\s_・･()（）\\-]", "");
    }
}
