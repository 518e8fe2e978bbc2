package jp.joren.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/** The rhythm of a kitchenware shop: how busy each day of the year is, and when in the day people buy. */
final class ShopCalendar {

    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    /** Busyness by month, January first: the year-end rush, a summer bump, quiet February and rainy June. */
    private static final double[] MONTH = {1.0, 0.75, 0.9, 1.0, 0.95, 0.75, 1.1, 1.1, 0.85, 0.95, 1.05, 1.35};
    private static final double YEAR_END = 1.9;
    /** Weekdays and weekends, averaging 1.0 over a week. */
    private static final double WEEKDAY = 0.9;
    private static final double WEEKEND = 1.25;
    private static final double MAX = YEAR_END * WEEKEND;

    private ShopCalendar() {
    }

    /** Relative number of shoppers on {@code day}; 1.0 on average over a week of an ordinary month. */
    static double busyness(LocalDate day) {
        boolean yearEnd = day.getMonthValue() == 12 && day.getDayOfMonth() >= 20;
        double week = switch (day.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> WEEKEND;
            default -> WEEKDAY;
        };
        return (yearEnd ? YEAR_END : MONTH[day.getMonthValue() - 1]) * week;
    }

    /** A day in [from, to], busy days proportionally more likely. */
    static LocalDate dayBetween(SplittableRandom random, LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to) + 1;
        while (true) {
            LocalDate day = from.plusDays(random.nextLong(span));
            if (random.nextDouble() * MAX <= busyness(day)) {
                return day;
            }
        }
    }

    /** At the counter during opening hours (10:00–19:30), busiest in the middle of the afternoon. */
    static OffsetDateTime atCounter(SplittableRandom random, LocalDate day) {
        return at(random, day, 600 + (random.nextInt(570) + random.nextInt(570)) / 2);
    }

    /** An online or phone order: any time between 7:00 and midnight. */
    static OffsetDateTime online(SplittableRandom random, LocalDate day) {
        return at(random, day, 420 + random.nextInt(1020));
    }

    private static OffsetDateTime at(SplittableRandom random, LocalDate day, int minuteOfDay) {
        LocalTime time = LocalTime.of(minuteOfDay / 60, minuteOfDay % 60, random.nextInt(60));
        return day.atTime(time).atZone(ZONE).toOffsetDateTime();
    }
}
