package jp.joren.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** The written catalog, with database ids, as the purchase generator picks from it. */
record Catalog(List<Product> products, List<Model> models) {

    record Product(long id, long price, Season season, int popularity, boolean consumable) {
    }

    /** {@code popularity} 0: discontinued, no longer sold but still in customers' kitchens. */
    record Model(long modelId, Product product, int popularity, List<Part> parts) {
    }

    record Part(Product product, int intervalDays, int leadDays) {
    }

    private static final int IN_SEASON_BOOST = 3;

    /** A product that sells on {@code day}, by popularity; seasonal goods dominate their season. */
    Product pick(SplittableRandom random, LocalDate day) {
        return Draw.weighted(random, products, product -> {
            if (product.season() == Season.ALL_YEAR) {
                return product.popularity();
            }
            return product.season().includes(day) ? (long) product.popularity() * IN_SEASON_BOOST : 0;
        });
    }

    Product pickConsumable(SplittableRandom random) {
        return Draw.weighted(random, products, product -> product.consumable() ? product.popularity() : 0);
    }

    Model pickModelOnSale(SplittableRandom random) {
        return Draw.weighted(random, models, Model::popularity);
    }

    /** A model bought years ago, possibly discontinued since. */
    Model pickOldModel(SplittableRandom random) {
        return Draw.weighted(random, models, model -> Math.max(model.popularity(), 2));
    }
}
