package jp.joren.reminders.rules;

/**
 * A customer's next birthday, as SQL: this year's, or next year's once this year's has passed. A birthday on
 * 29 February falls on the 28th in a year without one (PostgreSQL's date arithmetic keeps the month).
 */
public final class Birthdays {

    private Birthdays() {
    }

    /** The next birthday on or after {@code day} of a customer born on {@code birthday} (SQL expressions). */
    public static String next(String birthday, String day) {
        return """
                case when (%1$s + make_interval(years => extract(year from %2$s)::int - extract(year from %1$s)::int))::date >= %2$s
                     then (%1$s + make_interval(years => extract(year from %2$s)::int - extract(year from %1$s)::int))::date
                     else (%1$s + make_interval(years => extract(year from %2$s)::int - extract(year from %1$s)::int + 1))::date
                end""".formatted(birthday, day);
    }
}
