package jp.joren.demo;

import java.time.LocalDate;
import java.time.MonthDay;

/** When a product sells at all; out of season it is not picked, in season it sells several times better. */
enum Season {
    ALL_YEAR(MonthDay.of(1, 1), MonthDay.of(12, 31)),
    /** Hot-pot season. */
    WINTER(MonthDay.of(11, 1), MonthDay.of(2, 29)),
    SUMMER(MonthDay.of(6, 15), MonthDay.of(8, 31)),
    /** Bought for osechi and the New Year table, hardly ever after the first week of January. */
    NEW_YEAR(MonthDay.of(12, 1), MonthDay.of(1, 7));

    private final MonthDay from;
    private final MonthDay to;

    Season(MonthDay from, MonthDay to) {
        this.from = from;
        this.to = to;
    }

    boolean includes(LocalDate day) {
        MonthDay d = MonthDay.from(day);
        return from.isBefore(to) ? !d.isBefore(from) && !d.isAfter(to) : !d.isBefore(from) || !d.isAfter(to);
    }
}
