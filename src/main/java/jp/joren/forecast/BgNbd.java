package jp.joren.forecast;

import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while active, a
 * customer visits as a Poisson process whose rate is gamma(r, α) across customers; after each visit they
 * drop out with a probability that is beta(a, b) across customers. Time is in weeks.
 */
record BgNbd(double r, double alpha, double a, double b) implements VisitModel {

    static final double CONSTANT_DROPOUT_FROM = 10_000;

    /** The log-likelihood of one customer's history (the paper's equation 6, summed in log space). */
    double logLikelihood(VisitHistory h) {
        int x = h.repeatVisits();
        double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
        return common + logAliveOrDroppedOut(x, h.weeksToLastVisit(), h.weeksObserved());
    }

    /**
     * log[(α+T)^-(r+x) + δ(x>0) a/(b+x−1) (α+t_x)^-(r+x)]: the part of the likelihood that depends on the
     * times; the rest depends on x alone, so the fit computes it once per distinct x.
     */
    double logAliveOrDroppedOut(int x, double tx, double bigT) {
        double alive = -(r + x) * Math.log(alpha + bigT);
        if (x == 0) {
            return alive;
        }
        double droppedOut = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double max = Math.max(alive, droppedOut);
        return max + Math.log(Math.exp(alive - max) + Math.exp(droppedOut - max));
    }

    /** P(still active | history): the paper's equation 11. */
    @Override
    public double probabilityActive(VisitHistory h) {
        int x = h.repeatVisits();
        if (x == 0) {
            return 1;
        }
        double logOdds = Math.log(a) - Math.log(b + x - 1)
                + (r + x) * (Math.log(alpha + h.weeksObserved()) - Math.log(alpha + h.weeksToLastVisit()));
        return 1 / (1 + Math.exp(logOdds));
    }

    /**
     * E[visits in the next {@code weeks} | history]: the paper's equation 10. Its 2F1(r+x, b+x; a+b+x−1; z)
     * has terms that first grow like k^(r+x) for a frequent customer; Euler's transformation
     * 2F1(A,B;C;z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z) turns (1−z)^(r+x)·2F1 into
     * (1−z)^(a−1)·2F1(a+b−1−r, a−1; a+b+x−1; z), whose terms grow only while k < (a−1)z/(1−z).
     * Past {@value #CONSTANT_DROPOUT_FROM} for a that is thousands of terms, and the beta distribution of the
     * dropout probability is then so narrow (relative spread under 1/√a) that a dropout fixed at its mean
     * gives the same figure to four digits, in closed form.
     */
    @Override
    public double expectedVisits(double weeks, VisitHistory h) {
        int x = h.repeatVisits();
        double bigT = h.weeksObserved();
        double ifActive;
        if (a > CONSTANT_DROPOUT_FROM) {
            // still active after x repeat visits, the dropout is beta(a, b+x); the rate gamma(r+x, α+T)
            double p = a / (a + b + x);
            ifActive = -Math.expm1((r + x) * (Math.log(alpha + bigT) - Math.log(alpha + bigT + p * weeks))) / p;
        } else {
            // at a = 1 the formula is 0/0; its limit is continuous, so a hair beside it is as good
            double a = Math.abs(this.a - 1) < 1e-6 ? 1 + Math.copySign(1e-6, this.a - 1) : this.a;
            double z = weeks / (alpha + bigT + weeks);
            // in logarithms: with a large a the power underflows where the series overflows
            double remaining = Math.exp((a - 1) * Math.log1p(-z)
                    + Hypergeometric.logF21(a + b - 1 - r, a - 1, a + b + x - 1, z));
            ifActive = (a + b + x - 1) / (a - 1) * (1 - remaining);
        }
        return x == 0 ? ifActive : ifActive * probabilityActive(h);
    }

    /** E[visits in the first {@code weeks}] of a customer just arrived: the paper's equation 9. */
    double expectedVisitsOfNewCustomer(double weeks) {
        return expectedVisits(weeks, new VisitHistory(0, 0, 0, 0));
    }

    /**
     * The median of the weeks from the end of the observation to the next visit, for a customer still
     * active: no one drops out between visits, so that wait is the Poisson wait with the rate's posterior
     * gamma(r+x, α+T), whose survival is ((α+T)/(α+T+t))^(r+x).
     */
    @Override
    public double medianWeeksToNextVisitIfActive(VisitHistory h) {
        return (alpha + h.weeksObserved()) * (Math.pow(2, 1 / (r + h.repeatVisits())) - 1);
    }
}
