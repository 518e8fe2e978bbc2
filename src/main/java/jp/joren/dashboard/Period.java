package jp.joren.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/**
 * A span of business days, {@code from} inclusive and {@code until} exclusive, and how it was chosen: a
 * calendar month, quarter or year, or any custom range.
 */
public record Period(Kind kind, LocalDate from, LocalDate until) {

    public enum Kind {
        MONTH, QUARTER, YEAR, CUSTOM
    }

    public Period {
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("empty period: " + from + " – " + until);
        }
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

    /** The period just before, of the same kind (a custom range: of the same length). */
    public Period previous() {
        return switch (kind) {
            case MONTH -> new Period(kind, from.minusMonths(1), from);
            case QUARTER -> new Period(kind, from.minusMonths(3), from);
            case YEAR -> new Period(kind, from.minusYears(1), from);
            case CUSTOM -> new Period(kind, from.minusDays(days()), from);
        };
    }

    public Period next() {
        return switch (kind) {
            case MONTH -> new Period(kind, until, until.plusMonths(1));
            case QUARTER -> new Period(kind, until, until.plusMonths(3));
            case YEAR -> new Period(kind, until, until.plusYears(1));
            case CUSTOM -> new Period(kind, until, until.plusDays(days()));
        };
    }

    public Period lastYear() {
        return new Period(kind, from.minusYears(1), until.minusYears(1));
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
