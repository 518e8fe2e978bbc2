package jp.joren.forecast;

/** The Gaussian hypergeometric function 2F1 by its power series, for 0 ≤ z < 1, as its logarithm. */
final class Hypergeometric {

    private static final int MAX_TERMS = 1_000_000;
    /** Beyond this the partial sum is scaled down, so that a sum past Double.MAX_VALUE keeps its logarithm. */
    private static final double RESCALE_ABOVE = 1e250;

    private Hypergeometric() {
    }

    /**
     * The logarithm of 2F1, which must be positive. The series is summed until a term no longer changes the
     * sum; its terms shrink like z^k times a power of k, so the callers pass parameters whose power is small
     * (see {@link BgNbd#expectedVisits}): even a z of 0.99 then needs a few thousand terms. Where the sum
     * would overflow (a customer base that hardly ever drops out, z close to 1) it is carried scaled.
     */
    static double logF21(double a, double b, double c, double z) {
        double value = logF21(a, b, c, z, MAX_TERMS);
        if (Double.isNaN(value)) {
            throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
        }
        return value;
    }

    /**
     * The same within a budget of terms, NaN when the series has not settled by then: a fit's search that
     * strays to parameters where z is within a hair of 1 is told that this is no likely place, at a bounded
     * cost, instead of summing a million terms for a point it will leave anyway.
     */
    static double logF21(double a, double b, double c, double z, int maxTerms) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, got " + z);
        }
        double term = 1;
        double sum = 1;
        double logScale = 0;
        for (int k = 0; k < maxTerms; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= 1e-16 * Math.abs(sum)) {
                if (!(sum > 0)) {
                    throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") is not positive");
                }
                return Math.log(sum) + logScale;
            }
            if (sum > RESCALE_ABOVE) {
                sum /= RESCALE_ABOVE;
                term /= RESCALE_ABOVE;
                logScale += Math.log(RESCALE_ABOVE);
            }
        }
        return Double.NaN;
    }
}
