package jp.joren.dashboard.period;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The period as the owner picked it in the query string: a kind and a day inside it, or a custom first and
 * last day. Without a day, the last period of the kind that is over; anything reversed falls back to the last
 * month that is over. A period still running is what has elapsed of it (see {@link Period#elapsedBy}).
 */
public class PeriodChoice {

    private Period.Kind period = Period.Kind.MONTH;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate at;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    /** The last day counted of a period that was still running when a link to it was made. */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate through;

    public Period resolve(LocalDate today) {
        if (period == Period.Kind.CUSTOM) {
            if (from != null && to != null && !to.isBefore(from) && !from.isBefore(to.minusYears(5))) {
                return Period.custom(from, to).elapsedBy(today);
            }
            return Period.lastComplete(Period.Kind.MONTH, today);
        }
        Period.Kind kind = period == null ? Period.Kind.MONTH : period;
        return at == null ? Period.lastComplete(kind, today) : Period.containing(kind, at).elapsedBy(today).through(through);
    }

    /** Whether the owner asked for a custom range that could not be used. */
    public boolean invalidCustomRange() {
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

    public LocalDate getThrough() {
        return through;
    }

    public void setThrough(LocalDate through) {
        this.through = through;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
