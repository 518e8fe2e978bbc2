package jp.joren.dashboard.audience;

import java.time.LocalDate;

import jp.joren.dashboard.period.Period;
import jp.joren.reminders.FollowUpStep;
import jp.joren.segments.Cell;
import jp.joren.shared.UnreadableRequestException;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** The audience part of a customer list's address, as the dashboard's links write it. */
public class AudienceChoice {

    /** Written for a movement from nowhere: the customers new that month. */
    static final String NEW = "NEW";

    @Getter @Setter private Audience audience;
    @Getter @Setter private String cell;
    /** Not "from", which is the period's first day. */
    @Getter @Setter private String fromCell;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Getter @Setter private LocalDate month;

    @Getter @Setter private Integer visits;
    @Getter @Setter private Integer tier;
    @Getter @Setter private String town;
    @Getter @Setter private Long category;
    @Getter @Setter private FollowUpStep step;
    @Getter @Setter private Integer days;

    public Selection resolve(Period period) {
        if (audience == null) {
            throw new UnreadableRequestException("no audience");
        }
        if (month == null && (audience == Audience.MONTH_CELL || audience == Audience.MOVED)) {
            throw new UnreadableRequestException("no month for " + audience);
        }
        return new Selection(audience, period, cell == null ? null : cell(cell),
                fromCell == null || fromCell.equals(NEW) ? null : cell(fromCell), month, visits, tier, town,
                category, step, days);
    }

    private static Cell cell(String code) {
        try {
            return Cell.ofCode(code);
        } catch (IllegalArgumentException notACell) {
            throw new UnreadableRequestException("not a cell: " + code);
        }
    }
}
