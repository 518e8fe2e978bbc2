package jp.joren.dashboard;

import java.util.List;

import jp.joren.segments.Cell;

/** One audience of one period, with the cell, visit count, tier or town it names (null where it names none). */
public record Selection(Audience audience, Period period, Cell cell, Integer visits, Integer tier, String town) {

    public Selection {
        boolean complete = switch (audience) {
            case CELL -> cell != null;
            case FUNNEL -> visits != null && visits >= 1;
            case TIER -> tier != null;
            case TOWN -> tier != null && town != null;
            default -> true;
        };
        if (!complete) {
            throw new IllegalArgumentException("incomplete selection of " + audience);
        }
    }

    /** Query parameters that select the same customers again (for the CSV link). */
    List<String[]> parameters() {
        List<String[]> params = new java.util.ArrayList<>();
        params.add(new String[] {"audience", audience.name()});
        if (cell != null) {
            params.add(new String[] {"cell", cell.code()});
        }
        if (visits != null) {
            params.add(new String[] {"visits", visits.toString()});
        }
        if (tier != null) {
            params.add(new String[] {"tier", tier.toString()});
        }
        if (town != null) {
            params.add(new String[] {"town", town});
        }
        return params;
    }
}
