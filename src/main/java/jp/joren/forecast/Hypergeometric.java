package jp.joren.forecast;

/** The Gaussian hypergeometric function 2F1 by its power series, for 0 ≤ z < 1. */
final class Hypergeometric {

    private static final int MAX_TERMS = 1_000_000;

    private Hypergeometric() {
    }

    /**
     * Sums the series until a term no longer changes the sum. Its terms shrink like z^k times a power of k,
     * so the callers pass parameters whose power is small (see {@link BgNbd#expectedVisits}): then even a z
     * of 0.99 needs only a few thousand terms.
     */
    static double f21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, got " + z);
        }
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= 1e-16 * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }
}
