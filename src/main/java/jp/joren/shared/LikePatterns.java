package jp.joren.shared;

/** Text a user typed, made safe to put inside a LIKE pattern (PostgreSQL's default escape is the backslash). */
public final class LikePatterns {

    private LikePatterns() {
    }

    public static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching any text that contains {@code text}. */
    public static String containing(String text) {
        return "%" + escaped(text) + "%";
    }
}
