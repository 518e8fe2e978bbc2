package jp.joren.dashboard.period;

import java.time.LocalDate;

import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The period as the owner picked it in the query string: a kind and a day inside it, or a custom first and
 * last day. Without a day, the last period of the kind that is over; anything reversed falls back to the last
 * month that is over. A period still running is what has elapsed of it (see {@link Period#elapsedBy}).
 */
public class PeriodChoice {

    @Getter @Setter private Period.Kind period = Period.Kind.MONTH;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Getter @Setter private LocalDate at;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Getter @Setter private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Getter @Setter private LocalDate to;

    /** The last day counted of a period that was still running when a link to it was made. */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Getter @Setter private LocalDate through;

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
}
