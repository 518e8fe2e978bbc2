package jp.joren.forecast;

import java.util.Collection;
import java.util.Optional;
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
        return bgNbd(histories, Optional.empty());
    }

    /** Starting from {@code from} (last night's fit), which spares most of the search when little changed. */
    static Fitted<BgNbd> bgNbd(Collection<VisitHistory> histories, Optional<BgNbd> from) {
        VisitLikelihood groups = VisitLikelihood.of(histories);
        double meanT = histories.stream().mapToDouble(VisitHistory::weeksObserved).average().orElse(1);
        return maximise(from.map(m -> new double[] {m.r(), m.alpha(), m.a(), m.b()})
                        .orElse(new double[] {1, Math.max(meanT, 1), 1, 1}),
                p -> groups.logLikelihood(new BgNbd(p[0], p[1], p[2], p[3])),
                p -> new BgNbd(p[0], p[1], p[2], p[3]),
                // a and b growing together without end is no failure either: everyone's dropout after a visit
                // is the same, a/(a+b), and the forecasts have that as their limit (BgNbd#expectedVisits)
                log -> Math.abs(log[0]) > AT_BOUND || Math.abs(log[1]) > AT_BOUND || log[2] < -AT_BOUND
                        || log[3] < -AT_BOUND || Math.abs(log[2] - log[3]) > AT_BOUND,
                histories.size());
    }

    static Fitted<ParetoNbd> paretoNbd(Collection<VisitHistory> histories) {
        return paretoNbd(histories, Optional.empty());
    }

    /** Starting from {@code from} (last night's fit), which spares most of the search when little changed. */
    static Fitted<ParetoNbd> paretoNbd(Collection<VisitHistory> histories, Optional<ParetoNbd> from) {
        VisitLikelihood groups = VisitLikelihood.of(histories);
        double meanT = histories.stream().mapToDouble(VisitHistory::weeksObserved).average().orElse(1);
        return maximise(from.map(m -> new double[] {m.r(), m.alpha(), m.s(), m.beta()})
                        .orElse(new double[] {1, Math.max(meanT, 1), 1, Math.max(meanT, 1)}),
                p -> groups.logLikelihood(new ParetoNbd(p[0], p[1], p[2], p[3])),
                p -> new ParetoNbd(p[0], p[1], p[2], p[3]),
                // s and β growing together is no failure: everyone stops at the same rate, s/β
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
        double unit = SpendLikelihood.of(histories, 1).meanSpend();
        SpendLikelihood spends = SpendLikelihood.of(histories, unit);
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
        // a millionth of a unit of log-likelihood is far below what a shop's data can tell apart
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
}
