package jp.joren.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/** Small random draws shared by the generators; every one takes the caller's seeded random. */
final class Draw {

    private Draw() {
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    static <T> T weighted(SplittableRandom random, List<T> items, ToLongFunction<T> weight) {
        long total = 0;
        for (T item : items) {
            total += weight.applyAsLong(item);
        }
        long target = random.nextLong(total);
        for (T item : items) {
            target -= weight.applyAsLong(item);
            if (target < 0) {
                return item;
            }
        }
        throw new IllegalStateException("nothing to draw");
    }

    /** An index in [0, size), the first ones more likely, as with common surnames. */
    static int skewed(SplittableRandom random, int size) {
        return Math.min(random.nextInt(size), random.nextInt(size));
    }

    /** How many more after the first: each further one with {@code probability}. */
    static int more(SplittableRandom random, double probability) {
        int count = 0;
        while (count < 10 && random.nextDouble() < probability) {
            count++;
        }
        return count;
    }

    /** Around {@code mean}, between 0.4 and 1.6 times it. */
    static double around(SplittableRandom random, double mean) {
        return mean * (0.4 + 1.2 * random.nextDouble());
    }
}
