package jp.joren.dashboard.audience;

import java.time.LocalDate;

import jp.joren.dashboard.period.Period;
import jp.joren.reminders.FollowUpStep;
import jp.joren.segments.Cell;

/**
 * One audience of one period, with what it names (null where it names none): a cell; for a movement, the
 * cell moved from (null: new that month) and the month; a visit count; a tier or a town; a category (0:
 * products without one); a step of the second-visit follow-up; a window of days after the first visit.
 */
public record Selection(Audience audience, Period period, Cell cell, Cell from, LocalDate month, Integer visits,
        Integer tier, String town, Long category, FollowUpStep step, Integer days) {

    public Selection {
        boolean complete = switch (audience) {
            case CELL, REACH_EMAIL, REACH_EMAIL_NOW, REACH_POSTAL -> cell != null;
            case MOVED, MONTH_CELL -> cell != null && month != null;
            case MONTH_COHORT -> month != null;
            case MONTH_COHORT_RETURNED -> month != null && days != null && days >= 0;
            case FUNNEL -> visits != null && visits >= 1;
            case TIER, TIER_ACTIVE -> tier != null;
            case TOWN, TOWN_ACTIVE -> tier != null && town != null;
            case TOP_CATEGORY_BUYERS -> category != null;
            case FOLLOW_UP_SENT, FOLLOW_UP_CONVERTED -> step != null;
            default -> true;
        };
        if (!complete) {
            throw new IllegalArgumentException("incomplete selection of " + audience);
        }
    }
}
