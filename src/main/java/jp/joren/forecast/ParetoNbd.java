package jp.joren.forecast;

import org.apache.commons.math3.special.Gamma;

/**
 * The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987, in the forms of Fader &amp; Hardie 2005, "A
 * note on deriving the Pareto/NBD model and related expressions"): while active, a customer visits as a
 * Poisson process whose rate is gamma(r, α) across customers, and stops at an exponential time whose rate is
 * gamma(s, β) across customers, whether or not they come in meanwhile. So, unlike BG/NBD, a customer who
 * came once and never again becomes less and less likely to be a customer as time passes. Time is in weeks.
 */
record ParetoNbd(double r, double alpha, double s, double beta) implements VisitModel {

    /**
     * The fit's budget of ²F₁ terms per evaluation: enough for z up to about 0.999 (α and β a thousandfold
     * apart), where the likeliest parameters of a shop lie; beyond, the likelihood is NaN and the search turns
     * back. Forecasts from fitted parameters sum the series to the end.
     */
    static final int FIT_TERMS = 20_000;
    private static final int FORECAST_TERMS = 1_000_000;

    /** log L of one history: log Γ(r+x) α^r β^s / Γ(r) + log[(α+T)^-(r+x) (β+T)^-s + s/(r+s+x) · A₀]. */
    double logLikelihood(VisitHistory h) {
        int x = h.repeatVisits();
        return Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
                + logAliveOrStopped(x, h.weeksToLastVisit(), h.weeksObserved());
    }

    /** The part of the likelihood that depends on the times; the fit computes the rest once per distinct x. */
    double logAliveOrStopped(int x, double tx, double bigT) {
        double alive = -(r + x) * Math.log(alpha + bigT) - s * Math.log(beta + bigT);
        double logA0 = logA0(x, tx, bigT, FIT_TERMS);
        if (logA0 == Double.NEGATIVE_INFINITY) {
            return alive;
        }
        double stopped = Math.log(s) - Math.log(r + s + x) + logA0;
        double max = Math.max(alive, stopped);
        return max + Math.log(Math.exp(alive - max) + Math.exp(stopped - max));
    }

    /** P(still active | history): 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A₀). */
    @Override
    public double probabilityActive(VisitHistory h) {
        int x = h.repeatVisits();
        double logA0 = logA0(x, h.weeksToLastVisit(), h.weeksObserved(), FORECAST_TERMS);
        if (Double.isNaN(logA0)) {
            throw new ArithmeticException("P(alive) of " + this + " for " + h + " did not converge");
        }
        if (logA0 == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        double logOdds = Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + h.weeksObserved())
                + s * Math.log(beta + h.weeksObserved()) + logA0;
        return 1 / (1 + Math.exp(logOdds));
    }

    /**
     * E[visits in the next {@code weeks} | history]: (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]
     * · P(active); at s = 1 its limit, (r+x)/(α+T) · (β+T) · log((β+T+t)/(β+T)).
     */
    @Override
    public double expectedVisits(double weeks, VisitHistory h) {
        int x = h.repeatVisits();
        double bigT = h.weeksObserved();
        double rate = (r + x) / (alpha + bigT);
        double logGrowth = Math.log1p(weeks / (beta + bigT));
        double ifActive = Math.abs(s - 1) < 1e-9
                ? rate * (beta + bigT) * logGrowth
                // 1 − e^(−(s−1)·log growth), divided by s−1: expm1 keeps it exact near s = 1
                : rate * (beta + bigT) * -Math.expm1(-(s - 1) * logGrowth) / (s - 1);
        return ifActive * probabilityActive(h);
    }

    /** As in BG/NBD: the Poisson wait with the rate's posterior gamma(r+x, α+T), while active. */
    @Override
    public double medianWeeksToNextVisitIfActive(VisitHistory h) {
        return (alpha + h.weeksObserved()) * (Math.pow(2, 1 / (r + h.repeatVisits())) - 1);
    }

    /**
     * log A₀, the integral over the unobserved time of stopping between t_x and T, in its closed form with
     * the Gaussian hypergeometric ²F₁: for α ≥ β
     * ²F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t)) / (α+t)^(r+s+x) at t = t_x, minus the same at t = T;
     * for α &lt; β the same with the roles of α and β (and s+1 replaced by r+x) exchanged. −∞ when t_x = T.
     */
    private double logA0(int x, double tx, double bigT, int maxTerms) {
        if (bigT - tx <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double c = r + s + x;
        double larger = Math.max(alpha, beta);
        double second = alpha >= beta ? s + 1 : r + x;
        double gap = Math.abs(alpha - beta);
        double atTx = Hypergeometric.logF21(c, second, c + 1, gap / (larger + tx), maxTerms) - c * Math.log(larger + tx);
        double atT = Hypergeometric.logF21(c, second, c + 1, gap / (larger + bigT), maxTerms) - c * Math.log(larger + bigT);
        return atTx + Math.log(-Math.expm1(atT - atTx));
    }
}
