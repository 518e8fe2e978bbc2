package jp.joren.dashboard;

import java.time.LocalDate;

import jp.joren.segments.Cell;

/**
 * One audience of one period, with what it names (null where it names none): a cell; for a movement, the
 * cell moved from (null: new that month) and the month; a visit count; a tier or a town.
 */
public record Selection(Audience audience, Period period, Cell cell, Cell from, LocalDate month, Integer visits,
        Integer tier, String town) {

    public Selection {
        boolean complete = switch (audience) {
            case CELL -> cell != null;
            case MOVED, MONTH_CELL -> cell != null && month != null;
            case FUNNEL -> visits != null && visits >= 1;
            case TIER -> tier != null;
            case TOWN -> tier != null && town != null;
            default -> true;
        };
        if (!complete) {
            throw new IllegalArgumentException("incomplete selection of " + audience);
        }
    }
}
