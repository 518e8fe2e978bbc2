package jp.joren.dashboard.period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/**
 * A span of business days, {@code from} inclusive and {@code until} exclusive, and how it was chosen: a
 * calendar month, quarter or year, or any custom range. A {@code partial} period is the elapsed part of one
 * still running, and is compared only with the same days of the periods it is compared with: 1–6 December
 * with 1–6 November and 1–6 December last year, never with all of November.
 */
public record Period(Kind kind, LocalDate from, LocalDate until, boolean partial) {

    public enum Kind {
        MONTH, QUARTER, YEAR, CUSTOM
    }

    public Period {
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("empty period: " + from + " – " + until);
        }
    }

    public Period(Kind kind, LocalDate from, LocalDate until) {
        this(kind, from, until, false);
    }

    /** The period the dashboard opens on: the last one of this kind that is over. */
    public static Period lastComplete(Kind kind, LocalDate today) {
        return containing(kind, containing(kind, today).from().minusDays(1));
    }

    /**
     * What has elapsed of this period by {@code today}: the days up to yesterday (today's sales are still
     * coming in), or today alone on the period's first day. A period that is over, or not begun, is itself.
     */
    public Period elapsedBy(LocalDate today) {
        if (today.isBefore(from) || !today.isBefore(until)) {
            return this;
        }
        LocalDate end = today.isAfter(from) ? today : today.plusDays(1);
        return new Period(kind, from, end, true);
    }

    /** The calendar month, quarter or year that holds {@code day}. */
    public static Period containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> new Period(kind, day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1));
            case QUARTER -> {
                LocalDate start = day.withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
                yield new Period(kind, start, start.plusMonths(3));
            }
            case YEAR -> new Period(kind, day.withDayOfYear(1), day.withDayOfYear(1).plusYears(1));
            case CUSTOM -> throw new IllegalArgumentException("a custom period needs its own dates");
        };
    }

    /** Both ends included, as the owner types them. */
    public static Period custom(LocalDate first, LocalDate last) {
        return new Period(Kind.CUSTOM, first, last.plusDays(1));
    }

    /**
     * The period just before, of the same kind (a custom range: of the same length); of a partial period,
     * its first days as many as have elapsed.
     */
    public Period previous() {
        Period whole = switch (kind) {
            case MONTH -> new Period(kind, from.minusMonths(1), from);
            case QUARTER -> new Period(kind, from.minusMonths(3), from);
            case YEAR -> new Period(kind, from.minusYears(1), from);
            case CUSTOM -> new Period(kind, from.minusDays(days()), from);
        };
        return partial ? whole.firstDays(days()) : whole;
    }

    /** The whole period after (of a partial period: after the whole of it). */
    public Period next() {
        LocalDate end = partial && kind != Kind.CUSTOM ? containing(kind, from).until() : until;
        return switch (kind) {
            case MONTH -> new Period(kind, end, end.plusMonths(1));
            case QUARTER -> new Period(kind, end, end.plusMonths(3));
            case YEAR -> new Period(kind, end, end.plusYears(1));
            case CUSTOM -> new Period(kind, end, end.plusDays(days()));
        };
    }

    /**
     * The same days a year earlier. Of a period still running, as many days: 1–28 February of a leap year is
     * compared with the whole February before it, not with its first 27 days.
     */
    public Period lastYear() {
        LocalDate start = from.minusYears(1);
        if (!partial) {
            return new Period(kind, start, until.minusYears(1), false);
        }
        LocalDate end = start.plusDays(days());
        if (kind != Kind.CUSTOM && end.isAfter(containing(kind, start).until())) {
            end = containing(kind, start).until();
        }
        return new Period(kind, start, end, true);
    }

    /**
     * This period up to {@code last} when that is earlier than its own last day: a running period's days as a
     * link wrote them, so that the list behind a number counts the days the number did, opened on any day.
     */
    public Period through(LocalDate last) {
        if (last == null || !last.isBefore(last()) || last.isBefore(from)) {
            return this;
        }
        return new Period(kind, from, last.plusDays(1), true);
    }

    /** The first {@code count} days of this period (all of it when it is shorter), marked partial. */
    private Period firstDays(long count) {
        LocalDate end = from.plusDays(count);
        return new Period(kind, from, end.isBefore(until) ? end : until, true);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, until);
    }

    /** The last day in the period. */
    public LocalDate last() {
        return until.minusDays(1);
    }

    /** The month-end snapshot that holds every customer's cell at the start of the period. */
    public LocalDate snapshotAtStart() {
        return from.withDayOfMonth(1).minusMonths(1);
    }

    /** The new customers of this period, three months on, are old enough to say whether they came back. */
    public Period cohortOldEnough() {
        return new Period(kind, from.minusMonths(3), until.minusMonths(3));
    }
}
