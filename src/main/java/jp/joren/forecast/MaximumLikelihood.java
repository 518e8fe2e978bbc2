package jp.joren.forecast;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.special.Gamma;

/**
 * Fits the two models by maximum likelihood. Parameters are searched on their logarithms, which keeps them
 * positive; a parameter whose logarithm leaves ±{@value #AT_BOUND} is at the edge of what a shop's data
 * can say, and the fit is then not to be trusted (but see the spend's q and γ).
 */
final class MaximumLikelihood {

    static final double AT_BOUND = 9;
    private static final double OUT_OF_BOUNDS = 12;
    private static final int RESTARTS = 3;
    private static final int MAX_EVALUATIONS = 5_000;

    record Fitted<M>(M model, double logLikelihood, int customers, boolean converged, boolean atBound) {
    }

    private MaximumLikelihood() {
    }

    static Fitted<BgNbd> bgNbd(Collection<VisitHistory> histories) {
        VisitGroups groups = VisitGroups.of(histories);
        double meanT = histories.stream().mapToDouble(VisitHistory::weeksObserved).average().orElse(1);
        return maximise(new double[] {1, Math.max(meanT, 1), 1, 1},
                p -> groups.logLikelihood(new BgNbd(p[0], p[1], p[2], p[3])),
                p -> new BgNbd(p[0], p[1], p[2], p[3]),
                // a and b growing together without end is no failure either: everyone's dropout after a visit
                // is the same, a/(a+b), and the forecasts have that as their limit (BgNbd#expectedVisits)
                log -> Math.abs(log[0]) > AT_BOUND || Math.abs(log[1]) > AT_BOUND || log[2] < -AT_BOUND
                        || log[3] < -AT_BOUND || Math.abs(log[2] - log[3]) > AT_BOUND,
                histories.size());
    }

    /**
     * Fitted on the customers with repeat visits that spent something; the others say nothing of spend.
     * Spend is fitted in units of its mean, so that γ's bound means the same in yen as in dollars: with
     * spend divided by s, γ is divided by s and the log-likelihood gains n·log s.
     */
    static Fitted<GammaGamma> gammaGamma(Collection<VisitHistory> histories) {
        double unit = SpendGroups.of(histories, 1).meanSpend();
        SpendGroups spends = SpendGroups.of(histories, unit);
        // q and γ growing together without end is no failure: every customer's mean spend is the same, pγ/q,
        // and the expected spend per visit tends to it, which the formula computes well at any q
        Fitted<GammaGamma> inUnits = maximise(new double[] {1, 2, 1},
                p -> spends.logLikelihood(new GammaGamma(p[0], p[1], p[2])),
                p -> new GammaGamma(p[0], p[1], p[2]),
                log -> Math.abs(log[0]) > AT_BOUND || log[1] < -AT_BOUND || Math.abs(log[2] - log[1]) > AT_BOUND,
                spends.customers());
        GammaGamma m = inUnits.model();
        return new Fitted<>(new GammaGamma(m.p(), m.q(), m.gamma() * unit),
                inUnits.logLikelihood() - spends.customers() * Math.log(unit), inUnits.customers(),
                inUnits.converged(), inUnits.atBound());
    }

    private static <M> Fitted<M> maximise(double[] start, ToDoubleFunction<double[]> logLikelihood,
            Function<double[], M> model, Predicate<double[]> atBound, int customers) {
        ObjectiveFunction objective = new ObjectiveFunction(logParameters -> {
            for (double v : logParameters) {
                if (Math.abs(v) > OUT_OF_BOUNDS) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            double value = logLikelihood.applyAsDouble(exp(logParameters));
            return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        });
        double[] point = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            point[i] = Math.log(start[i]);
        }
        // a thousandth of a unit of log-likelihood is far below what a shop's data can tell apart
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-10, 1e-6);
        PointValuePair best = null;
        try {
            // Nelder–Mead can settle on a shrunken simplex short of the optimum; starting again from where
            // it stopped, with a fresh simplex, is the usual remedy
            for (int restart = 0; restart < RESTARTS; restart++) {
                best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                        new InitialGuess(point), new NelderMeadSimplex(point.length, 0.5));
                point = best.getPoint();
            }
        } catch (TooManyEvaluationsException e) {
            return new Fitted<>(best == null ? model.apply(exp(point)) : model.apply(exp(best.getPoint())),
                    best == null ? Double.NaN : best.getValue(), customers, false, false);
        }
        return new Fitted<>(model.apply(exp(best.getPoint())), best.getValue(), customers,
                Double.isFinite(best.getValue()), atBound.test(best.getPoint()));
    }

    private static double[] exp(double[] logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }

    /**
     * Customers with the same (x, t_x, T) contribute the same likelihood: a shop's visits are whole days, so
     * 100,000 customers make a few thousand distinct histories. The gamma functions depend on x alone.
     */
    private record VisitGroups(int[] distinctX, int[] xIndex, int[] x, double[] tx, double[] bigT, double[] weight) {

        static VisitGroups of(Collection<VisitHistory> histories) {
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
            return new VisitGroups(distinctX, xIndex, x, tx, bigT, weight);
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

    private record SpendGroups(int[] distinctX, int[] x, double[] logX, double[] spend, double[] logSpend,
                               double[] countOfX) {

        static SpendGroups of(Collection<VisitHistory> histories, double unit) {
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
            return new SpendGroups(distinctX, x, logX, spend, logSpend, countOfX);
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
}
