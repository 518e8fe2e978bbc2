package jp.joren.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a customer shops over the two years of history: the mix a physical shop sees, which fills every
 * cell of the customer portfolio (shared/DESIGN.md §4).
 */
enum Behaviour {
    /** Comes about monthly, most from early on and still coming: 優良 by the end. */
    LOYAL(9, new Basket(0.5, 0.4, 0.02)),
    /** Comes every two or three months for a few inexpensive consumables: コツコツ. */
    STEADY(20, new Basket(0.2, 0.8, 0.01)),
    /** Came often and spent well for a few months, then stopped: 流行, mostly lapsed by now. */
    TREND(9, new Basket(0.6, 0.2, 0.04)),
    /** Came back a few times, then stopped. */
    LAPSING(22, new Basket(0.4, 0.3, 0.03)),
    /** Bought once, never came again: about 40% of a shop's customers. */
    ONE_TIME(40, new Basket(0.45, 0.1, 0.05));

    /**
     * What goes in a basket: {@code moreLines} the chance of each further line, {@code usualConsumable} the
     * chance the household's usual consumable is in it, {@code newModel} the chance of a pressure cooker.
     */
    record Basket(double moreLines, double usualConsumable, double newModel) {
    }

    /** Shoppers who never register: a line or two, never a durable model (the shop registers those buyers). */
    static final Basket WALK_IN = new Basket(0.3, 0.15, 0);

    private final int percent;
    private final Basket basket;

    Behaviour(int percent, Basket basket) {
        this.percent = percent;
        this.basket = basket;
    }

    Basket basket() {
        return basket;
    }

    static Behaviour draw(SplittableRandom random) {
        return Draw.weighted(random, List.of(values()), behaviour -> behaviour.percent);
    }

    /** The days this customer comes to the shop, within [first, last], busy seasons drawing visits closer. */
    List<LocalDate> visitDays(SplittableRandom random, LocalDate first, LocalDate last) {
        return switch (this) {
            case LOYAL -> {
                LocalDate start = regularSince(random, first, last.minusDays(250), 30);
                yield every(random, start, movedAway(random, start, last), 30, Integer.MAX_VALUE);
            }
            case STEADY -> every(random, regularSince(random, first, last.minusDays(200), 85), last, 85,
                    Integer.MAX_VALUE);
            case TREND -> {
                LocalDate start = ShopCalendar.dayBetween(random, first, last.minusDays(30));
                LocalDate end = start.plusDays(90 + random.nextInt(110));
                yield every(random, start, end.isBefore(last) ? end : last, 15, Integer.MAX_VALUE);
            }
            case LAPSING -> every(random, ShopCalendar.dayBetween(random, first, last.minusDays(10)), last, 55,
                    2 + random.nextInt(4));
            case ONE_TIME -> List.of(ShopCalendar.dayBetween(random, first, last));
        };
    }

    /** Most regulars were regulars already when the history starts; the others join by {@code lastJoin}. */
    private static LocalDate regularSince(SplittableRandom random, LocalDate first, LocalDate lastJoin, int meanGap) {
        return Draw.chance(random, 0.6) ? first.plusDays(random.nextInt(meanGap))
                : ShopCalendar.dayBetween(random, first, lastJoin);
    }

    /**
     * A few regulars stop coming after a long time (they moved, or a new shop opened nearer): the 優良離脱
     * customers the shop should call personally. The others keep coming until {@code last}.
     */
    private static LocalDate movedAway(SplittableRandom random, LocalDate start, LocalDate last) {
        LocalDate earliest = start.plusDays(220);
        LocalDate latest = last.minusDays(240);
        return earliest.isBefore(latest) && Draw.chance(random, 0.15)
                ? ShopCalendar.dayBetween(random, earliest, latest) : last;
    }

    private static List<LocalDate> every(SplittableRandom random, LocalDate start, LocalDate end, double meanGap,
            int maxVisits) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end) && days.size() < maxVisits; ) {
            days.add(day);
            long gap = Math.round(Draw.around(random, meanGap) / ShopCalendar.busyness(day));
            day = day.plusDays(Math.max(1, gap));
        }
        return days;
    }
}
