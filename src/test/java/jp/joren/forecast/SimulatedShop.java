package jp.joren.forecast;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Customers who behave exactly as the models assume, with known parameters: while active each visits at
 * their own gamma(r, α) rate per week and after each visit stops with their own beta(a, b) probability;
 * each visit's spend is gamma(p, ν) with ν gamma(q, γ) across customers. Each customer's first visit falls
 * in the {@code weeksBefore} weeks before day 0, and the visits go on to day {@code daysAfter}, so that a
 * test can fit on the days before 0 and compare with what came after.
 */
final class SimulatedShop {

    /** A visit on {@code day} relative to the as-of date (negative: before it), spending {@code yen}. */
    record Visit(int day, long yen) {
    }

    static List<List<Visit>> customers(long seed, int customers, int weeksBefore, int daysAfter,
            BgNbd visits, GammaGamma spend) {
        RandomGenerator random = new Well19937c(seed);
        GammaDistribution rates = new GammaDistribution(random, visits.r(), 1 / visits.alpha());
        BetaDistribution dropouts = new BetaDistribution(random, visits.a(), visits.b());
        GammaDistribution spendRates = new GammaDistribution(random, spend.q(), 1 / spend.gamma());
        List<List<Visit>> shop = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            double rate = rates.sample();
            double dropout = dropouts.sample();
            GammaDistribution spends = new GammaDistribution(random, spend.p(), 1 / spendRates.sample());
            ExponentialDistribution waits = new ExponentialDistribution(random, 1 / rate);
            List<Visit> own = new ArrayList<>();
            double day = -1 - random.nextInt(weeksBefore * 7);
            while (day <= daysAfter) {
                int whole = (int) Math.floor(day);
                if (own.isEmpty() || own.get(own.size() - 1).day() != whole) {
                    own.add(new Visit(whole, Math.max(1, Math.round(spends.sample()))));
                }
                if (random.nextDouble() < dropout && own.size() > 1) {
                    break;
                }
                day += waits.sample() * 7;
            }
            shop.add(own);
        }
        return shop;
    }

    /**
     * Customers as Pareto/NBD assumes: each visits at their own gamma(r, α) rate per week until their own
     * exponential lifetime, whose rate is gamma(s, β) across customers, runs out; one spend per visit of 1 yen.
     */
    static List<List<Visit>> paretoCustomers(long seed, int customers, int weeksBefore, int daysAfter, ParetoNbd visits) {
        RandomGenerator random = new Well19937c(seed);
        GammaDistribution rates = new GammaDistribution(random, visits.r(), 1 / visits.alpha());
        GammaDistribution dropoutRates = new GammaDistribution(random, visits.s(), 1 / visits.beta());
        List<List<Visit>> shop = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            ExponentialDistribution waits = new ExponentialDistribution(random, 1 / rates.sample());
            double first = -1 - random.nextInt(weeksBefore * 7);
            double end = first + new ExponentialDistribution(random, 1 / dropoutRates.sample()).sample() * 7;
            List<Visit> own = new ArrayList<>();
            for (double day = first; day <= daysAfter && day <= end; day += waits.sample() * 7) {
                int whole = (int) Math.floor(day);
                if (own.isEmpty() || own.get(own.size() - 1).day() != whole) {
                    own.add(new Visit(whole, 1));
                }
            }
            shop.add(own);
        }
        return shop;
    }

    /** A simulated customer as the hold-out check sees them: their visits before day 0, and the count from it on. */
    static ShopHistories.HeldOut heldOut(List<Visit> visits) {
        List<Visit> before = visits.stream().filter(v -> v.day() < 0).toList();
        int after = (int) visits.stream().filter(v -> v.day() >= 0).count();
        int first = before.get(0).day();
        int last = before.get(before.size() - 1).day();
        return new ShopHistories.HeldOut(new VisitHistory(before.size() - 1, (last - first) / 7.0, -first / 7.0, 0), after);
    }

    private SimulatedShop() {
    }
}
