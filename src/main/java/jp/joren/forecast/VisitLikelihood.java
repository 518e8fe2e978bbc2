package jp.joren.forecast;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.math3.special.Gamma;

/**
 * Customers with the same (x, t_x, T) contribute the same likelihood: a shop's visits are whole days, so
 * 100,000 customers make a few thousand distinct histories. The gamma functions depend on x alone.
 */
record VisitLikelihood(int[] distinctX, int[] xIndex, int[] x, double[] tx, double[] bigT, double[] weight) {

    static VisitLikelihood of(Collection<VisitHistory> histories) {
        Map<VisitHistory, Integer> counts = new HashMap<>();
        for (VisitHistory h : histories) {
            counts.merge(new VisitHistory(h.repeatVisits(), h.weeksToLastVisit(), h.weeksObserved(), 0), 1,
                    Integer::sum);
        }
        int n = counts.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        double[] weight = new double[n];
        int[] xIndex = new int[n];
        Map<Integer, Integer> indexOfX = new HashMap<>();
        int i = 0;
        for (Map.Entry<VisitHistory, Integer> e : counts.entrySet()) {
            x[i] = e.getKey().repeatVisits();
            tx[i] = e.getKey().weeksToLastVisit();
            bigT[i] = e.getKey().weeksObserved();
            weight[i] = e.getValue();
            xIndex[i] = indexOfX.computeIfAbsent(x[i], k -> indexOfX.size());
            i++;
        }
        int[] distinctX = new int[indexOfX.size()];
        indexOfX.forEach((value, index) -> distinctX[index] = value);
        return new VisitLikelihood(distinctX, xIndex, x, tx, bigT, weight);
    }

    double logLikelihood(ParetoNbd m) {
        double[] ofX = new double[distinctX.length];
        double base = m.r() * Math.log(m.alpha()) + m.s() * Math.log(m.beta()) - Gamma.logGamma(m.r());
        for (int k = 0; k < distinctX.length; k++) {
            ofX[k] = base + Gamma.logGamma(m.r() + distinctX[k]);
        }
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += weight[i] * (ofX[xIndex[i]] + m.logAliveOrStopped(x[i], tx[i], bigT[i]));
        }
        return sum;
    }

    double logLikelihood(BgNbd m) {
        double[] ofX = new double[distinctX.length];
        double base = m.r() * Math.log(m.alpha()) - Gamma.logGamma(m.r())
                + Gamma.logGamma(m.a() + m.b()) - Gamma.logGamma(m.b());
        for (int k = 0; k < distinctX.length; k++) {
            int xk = distinctX[k];
            ofX[k] = base + Gamma.logGamma(m.r() + xk) + Gamma.logGamma(m.b() + xk) - Gamma.logGamma(m.a() + m.b() + xk);
        }
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += weight[i] * (ofX[xIndex[i]] + m.logAliveOrDroppedOut(x[i], tx[i], bigT[i]));
        }
        return sum;
    }
}
