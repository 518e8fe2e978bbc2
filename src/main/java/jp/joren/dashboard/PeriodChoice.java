package jp.joren.dashboard;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The period as the owner picked it in the query string: a kind and a day inside it, or a custom first and
 * last day. Anything missing or reversed falls back to the month that holds today.
 */
public class PeriodChoice {

    private Period.Kind period = Period.Kind.MONTH;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate at;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    Period resolve(LocalDate today) {
        if (period == Period.Kind.CUSTOM) {
            if (from != null && to != null && !to.isBefore(from) && !from.isBefore(to.minusYears(5))) {
                return Period.custom(from, to);
            }
            return Period.containing(Period.Kind.MONTH, today);
        }
        return Period.containing(period == null ? Period.Kind.MONTH : period, at == null ? today : at);
    }

    /** Whether the owner asked for a custom range that could not be used. */
    boolean invalidCustomRange() {
        return period == Period.Kind.CUSTOM && (from == null || to == null || to.isBefore(from)
                || from.isBefore(to.minusYears(5)));
    }

    public Period.Kind getPeriod() {
        return period;
    }

    public void setPeriod(Period.Kind period) {
        this.period = period;
    }

    public LocalDate getAt() {
        return at;
    }

    public void setAt(LocalDate at) {
        this.at = at;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
