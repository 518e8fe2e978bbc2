package jp.joren.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HypergeometricTest {

    @Test
    void matchesClosedFormsEvenCloseToOne() {
        for (double z : new double[] {0, 0.3, 0.9, 0.999}) {
            // 2F1(1, 1; 2; z) = −ln(1−z)/z and 2F1(a, b; b; z) = (1−z)^−a
            double log = z == 0 ? 1 : -Math.log1p(-z) / z;
            assertThat(Math.exp(Hypergeometric.logF21(1, 1, 2, z))).isCloseTo(log, within(1e-12 * log));
            assertThat(Math.exp(Hypergeometric.logF21(0.7, 3.2, 3.2, z))).isCloseTo(Math.pow(1 - z, -0.7), within(1e-11 * Math.pow(1 - z, -0.7)));
        }
    }

    @Test
    void keepsTheLogarithmOfSumsBeyondTheLargestDouble() {
        // 2F1(a, b; b; z) = (1−z)^−a: 10^400 here
        assertThat(Hypergeometric.logF21(200, 3.2, 3.2, 0.99)).isCloseTo(-200 * Math.log(0.01), within(1e-9));
    }

    @Test
    void refusesWhereTheSeriesDoesNotConverge() {
        assertThatThrownBy(() -> Hypergeometric.logF21(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
