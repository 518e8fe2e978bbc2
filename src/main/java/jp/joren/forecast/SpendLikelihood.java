package jp.joren.forecast;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.math3.special.Gamma;

/** The gamma-gamma log-likelihood of the customers with repeat visits that spent something, spend in units. */
record SpendLikelihood(int[] distinctX, int[] x, double[] logX, double[] spend, double[] logSpend,
                           double[] countOfX) {

    static SpendLikelihood of(Collection<VisitHistory> histories, double unit) {
        var spenders = histories.stream().filter(h -> h.repeatVisits() > 0 && h.meanRepeatSpend() > 0).toList();
        int n = spenders.size();
        int[] x = new int[n];
        double[] logX = new double[n];
        double[] spend = new double[n];
        double[] logSpend = new double[n];
        Map<Integer, Integer> indexOfX = new HashMap<>();
        Map<Integer, Integer> customersOfX = new HashMap<>();
        for (int i = 0; i < n; i++) {
            VisitHistory h = spenders.get(i);
            x[i] = h.repeatVisits();
            logX[i] = Math.log(x[i]);
            spend[i] = h.meanRepeatSpend() / unit;
            logSpend[i] = Math.log(spend[i]);
            indexOfX.computeIfAbsent(x[i], k -> indexOfX.size());
            customersOfX.merge(x[i], 1, Integer::sum);
        }
        int[] distinctX = new int[indexOfX.size()];
        double[] countOfX = new double[indexOfX.size()];
        indexOfX.forEach((value, index) -> {
            distinctX[index] = value;
            countOfX[index] = customersOfX.get(value);
        });
        return new SpendLikelihood(distinctX, x, logX, spend, logSpend, countOfX);
    }

    int customers() {
        return x.length;
    }

    double meanSpend() {
        double sum = 0;
        for (double s : spend) {
            sum += s;
        }
        return x.length == 0 ? 1 : sum / x.length;
    }

    double logLikelihood(GammaGamma m) {
        double sum = 0;
        for (int k = 0; k < distinctX.length; k++) {
            double px = m.p() * distinctX[k];
            sum += countOfX[k] * (Gamma.logGamma(px + m.q()) - Gamma.logGamma(px) - Gamma.logGamma(m.q()));
        }
        for (int i = 0; i < x.length; i++) {
            sum += m.timesLogTerms(x[i], logX[i], spend[i], logSpend[i]);
        }
        return sum;
    }
}
