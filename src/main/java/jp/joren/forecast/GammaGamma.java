package jp.joren.forecast;

import org.apache.commons.math3.special.Gamma;

/**
 * The gamma-gamma model of spend per visit (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Fader &amp; Hardie,
 * "The gamma-gamma model of monetary value", 2013): a visit's spend is gamma(p, ν) around the customer's own
 * mean, and ν is gamma(q, γ) across customers. Fitted on customers with repeat visits, from the number x
 * and mean spend m_x of those visits.
 */
record GammaGamma(double p, double q, double gamma) {

    /** The log-density of a customer's mean spend m_x over x visits (the note's equation 3). */
    double logLikelihood(int x, double meanSpend) {
        return Gamma.logGamma(p * x + q) - Gamma.logGamma(p * x) - Gamma.logGamma(q)
                + timesLogTerms(x, Math.log(x), meanSpend, Math.log(meanSpend));
    }

    /** The part of the log-density besides its gamma functions of x: the fit computes those once per x. */
    double timesLogTerms(int x, double logX, double meanSpend, double logMeanSpend) {
        return q * Math.log(gamma) + (p * x - 1) * logMeanSpend + p * x * logX
                - (p * x + q) * Math.log(gamma + x * meanSpend);
    }

    /** The mean spend per visit across customers, pγ/(q−1); infinite unless q > 1. */
    double populationMeanSpend() {
        return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * E[spend per visit | x visits with mean m_x]: a weighted mean of the population's mean and the
     * customer's own, the weight of the own growing with x. Without repeat visits, the population's.
     */
    double expectedSpend(int x, double meanSpend) {
        if (x == 0) {
            return populationMeanSpend();
        }
        return p * (gamma + x * meanSpend) / (p * x + q - 1);
    }
}
