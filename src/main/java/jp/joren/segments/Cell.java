package jp.joren.segments;

/** One of the ten cells: a group, active (現役) or lapsed (離脱). */
public record Cell(Segment segment, boolean lapsed) {

    public String messageKey() {
        return "cell." + segment.name() + (lapsed ? ".lapsed" : ".active");
    }

    /** The cell's name in URLs and CSV, e.g. {@code LOYAL-LAPSED}. */
    public String code() {
        return segment.name() + (lapsed ? "-LAPSED" : "-ACTIVE");
    }

    public static Cell ofCode(String code) {
        int dash = code.lastIndexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("not a cell: " + code);
        }
        String status = code.substring(dash + 1);
        if (!status.equals("ACTIVE") && !status.equals("LAPSED")) {
            throw new IllegalArgumentException("not a cell: " + code);
        }
        return new Cell(Segment.valueOf(code.substring(0, dash)), status.equals("LAPSED"));
    }
}
