package jp.joren.dashboard.audience;

import java.time.LocalDate;

import jp.joren.dashboard.period.Period;
import jp.joren.reminders.FollowUpStep;
import jp.joren.segments.Cell;
import jp.joren.shared.UnreadableRequestException;
import org.springframework.format.annotation.DateTimeFormat;

/** The audience part of a customer list's address, as the dashboard's links write it. */
public class AudienceChoice {

    /** Written for a movement from nowhere: the customers new that month. */
    static final String NEW = "NEW";

    private Audience audience;
    private String cell;
    /** Not "from", which is the period's first day. */
    private String fromCell;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate month;

    private Integer visits;
    private Integer tier;
    private String town;
    private Long category;
    private FollowUpStep step;
    private Integer days;

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

    public Audience getAudience() {
        return audience;
    }

    public void setAudience(Audience audience) {
        this.audience = audience;
    }

    public String getCell() {
        return cell;
    }

    public void setCell(String cell) {
        this.cell = cell;
    }

    public String getFromCell() {
        return fromCell;
    }

    public void setFromCell(String fromCell) {
        this.fromCell = fromCell;
    }

    public LocalDate getMonth() {
        return month;
    }

    public void setMonth(LocalDate month) {
        this.month = month;
    }

    public Integer getVisits() {
        return visits;
    }

    public void setVisits(Integer visits) {
        this.visits = visits;
    }

    public Integer getTier() {
        return tier;
    }

    public void setTier(Integer tier) {
        this.tier = tier;
    }

    public String getTown() {
        return town;
    }

    public void setTown(String town) {
        this.town = town;
    }

    public Long getCategory() {
        return category;
    }

    public void setCategory(Long category) {
        this.category = category;
    }

    public FollowUpStep getStep() {
        return step;
    }

    public void setStep(FollowUpStep step) {
        this.step = step;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }
}
