package jp.joren.reminders.campaigns;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;

/**
 * The moments of a Japanese shop's year a campaign usually hangs on, offered on the empty months of the
 * calendar: the owner picks one and the form starts with its name and day.
 */
public enum SeasonalIdea {
    NEW_YEAR_SALE(MonthDay.of(1, 2), Campaign.Kind.EVERYONE),
    NEW_LIFE(MonthDay.of(3, 10), Campaign.Kind.EVERYONE),
    MOTHERS_DAY(null, Campaign.Kind.EVERYONE),
    FATHERS_DAY(null, Campaign.Kind.EVERYONE),
    SUMMER_CARE(MonthDay.of(7, 10), Campaign.Kind.NOTE),
    AUTUMN_SEASON(MonthDay.of(9, 15), Campaign.Kind.EVERYONE),
    YEAR_END_CLEANING(MonthDay.of(12, 5), Campaign.Kind.EVERYONE),
    THANKS_OF_THE_YEAR(MonthDay.of(12, 20), Campaign.Kind.NOTE);

    private final MonthDay day;
    private final Campaign.Kind kind;

    SeasonalIdea(MonthDay day, Campaign.Kind kind) {
        this.day = day;
        this.kind = kind;
    }

    /** The day to send in {@code year}: for gifts, a week before Mother's Day (May's second Sunday) and Father's Day (June's third). */
    public LocalDate on(int year) {
        return switch (this) {
            case MOTHERS_DAY -> LocalDate.of(year, Month.MAY, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY)).minusDays(7);
            case FATHERS_DAY -> LocalDate.of(year, Month.JUNE, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.SUNDAY)).minusDays(7);
            default -> day.atYear(year);
        };
    }

    public Campaign.Kind kind() {
        return kind;
    }

    static List<SeasonalIdea> of(Month month, int year) {
        return Arrays.stream(values()).filter(idea -> idea.on(year).getMonth() == month).toList();
    }
}
