package jp.joren.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jp.joren.demo.Behaviour.Basket;
import jp.joren.demo.Catalog.Model;
import jp.joren.demo.Catalog.Part;
import jp.joren.demo.Catalog.Product;
import jp.joren.demo.Receipt.Line;

/**
 * One shopper's kitchen as far as the shop can tell: the pressure cookers in it (whose gaskets and valves
 * wear out) and the consumable they keep coming back for. It decides what goes in each basket.
 */
final class Household {

    private final Catalog catalog;
    private final Product usualConsumable;
    /** Not everyone replaces a gasket on time; those who do are the reminders' best audience. */
    private final boolean replacesParts;
    /** Per owned model, when each of its parts was last changed; insertion-ordered so draws stay reproducible. */
    private final List<Map<Part, LocalDate>> partsChanged = new ArrayList<>();

    Household(SplittableRandom random, Catalog catalog) {
        this.catalog = catalog;
        this.usualConsumable = catalog.pickConsumable(random);
        this.replacesParts = Draw.chance(random, 0.6);
    }

    void own(Model model, LocalDate since) {
        Map<Part, LocalDate> changed = new LinkedHashMap<>();
        model.parts().forEach(part -> changed.put(part, since));
        partsChanged.add(changed);
    }

    List<Line> basket(SplittableRandom random, LocalDate day, Basket basket) {
        List<Line> lines = new ArrayList<>(dueParts(random, day));
        if (partsChanged.isEmpty() && Draw.chance(random, basket.newModel())) {
            Model model = catalog.pickModelOnSale(random);
            lines.add(new Line(model.product(), model, 1, 0));
            own(model, day);
        }
        if (Draw.chance(random, basket.usualConsumable())) {
            lines.add(line(random, usualConsumable));
        }
        int more = Draw.more(random, basket.moreLines()) + (lines.isEmpty() ? 1 : 0);
        for (int tries = 0; more > 0 && tries < 10; tries++) {
            Product product = catalog.pick(random, day);
            if (lines.stream().noneMatch(line -> line.product() == product)) {
                lines.add(line(random, product));
                more--;
            }
        }
        return lines;
    }

    private List<Line> dueParts(SplittableRandom random, LocalDate day) {
        List<Line> lines = new ArrayList<>();
        if (!replacesParts) {
            return lines;
        }
        for (Map<Part, LocalDate> changed : partsChanged) {
            changed.replaceAll((part, last) -> {
                LocalDate due = last.plusDays(part.intervalDays() - part.leadDays());
                if (day.isBefore(due) || !Draw.chance(random, 0.6)) {
                    return last;
                }
                lines.add(new Line(part.product(), null, 1, 0));
                return day;
            });
        }
        return lines;
    }

    /** Consumables often by two or three; now and then 10% off (a coupon or a bundle). */
    private static Line line(SplittableRandom random, Product product) {
        int quantity = 1 + Draw.more(random, product.consumable() ? 0.3 : 0.06);
        long discount = Draw.chance(random, 0.03) ? product.price() * quantity / 10 : 0;
        return new Line(product, null, quantity, discount);
    }
}
