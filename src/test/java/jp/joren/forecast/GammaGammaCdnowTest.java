package jp.joren.forecast;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Spend per visit on the CDNOW sample, against Fader &amp; Hardie's note "The gamma-gamma model of monetary
 * value" (2013): the 946 customers with repeat purchases in calibration, each with the mean of those.
 */
class GammaGammaCdnowTest {

    private static List<VisitHistory> customers;
    private static MaximumLikelihood.Fitted<GammaGamma> fitted;

    @BeforeAll
    static void fit() {
        customers = Cdnow.calibration();
        fitted = MaximumLikelihood.gammaGamma(customers);
    }

    @Test
    void findsThePublishedEstimates() {
        GammaGamma m = fitted.model();
        assertThat(fitted.customers()).isEqualTo(946);
        assertThat(fitted.converged()).isTrue();
        assertThat(m.p()).isCloseTo(6.25, within(0.005));
        assertThat(m.q()).isCloseTo(3.74, within(0.005));
        assertThat(m.gamma()).isCloseTo(15.44, within(0.01));
    }

    @Test
    void expectsEachCustomerToSpendBetweenTheirOwnMeanAndEveryonesMoreTheOftenTheyCame() {
        GammaGamma m = fitted.model();
        double everyone = m.populationMeanSpend();
        assertThat(everyone).isCloseTo(6.25 * 15.44 / 2.74, within(0.1));
        for (VisitHistory c : customers) {
            double expected = m.expectedSpend(c.repeatVisits(), c.meanRepeatSpend());
            if (c.repeatVisits() == 0) {
                assertThat(expected).isEqualTo(everyone);
            } else {
                assertThat(expected).isBetween(Math.min(everyone, c.meanRepeatSpend()), Math.max(everyone, c.meanRepeatSpend()));
            }
        }
        // the same mean over more visits pulls the expectation further from everyone's mean towards the own
        assertThat(m.expectedSpend(10, 100)).isGreaterThan(m.expectedSpend(1, 100));
    }
}
