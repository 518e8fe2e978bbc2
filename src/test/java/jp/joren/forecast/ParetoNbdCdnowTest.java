package jp.joren.forecast;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Pareto/NBD fit on the CDNOW sample against the published one (Fader, Hardie &amp; Lee 2005, 39 weeks of
 * calibration): r = 0.553, α = 10.578, s = 0.606, β = 11.669, log-likelihood −9,595.0.
 */
class ParetoNbdCdnowTest {

    private static List<VisitHistory> customers;
    private static MaximumLikelihood.Fitted<ParetoNbd> fitted;

    @BeforeAll
    static void fit() {
        customers = Cdnow.calibration();
        fitted = MaximumLikelihood.paretoNbd(customers);
    }

    @Test
    void findsThePublishedEstimatesAndLogLikelihood() {
        ParetoNbd m = fitted.model();
        assertThat(fitted.converged()).isTrue();
        assertThat(fitted.atBound()).isFalse();
        assertThat(m.r()).isCloseTo(0.553, within(0.001));
        assertThat(m.alpha()).isCloseTo(10.578, within(0.01));
        assertThat(m.s()).isCloseTo(0.606, within(0.001));
        assertThat(m.beta()).isCloseTo(11.669, within(0.01));
        assertThat(fitted.logLikelihood()).isCloseTo(-9595.0, within(0.1));
    }

    @Test
    void aOneVisitCustomersChanceOfStillBeingACustomerFallsAsTimePasses() {
        ParetoNbd m = fitted.model();
        double previous = 1;
        for (double weeksAway : new double[] {1, 4, 13, 26, 52, 104}) {
            double chance = m.probabilityActive(new VisitHistory(0, 0, weeksAway, 0));
            assertThat(chance).as("after %s weeks", weeksAway).isLessThan(previous);
            previous = chance;
        }
        assertThat(previous).isLessThan(0.5);
    }

    @Test
    void theForecastsAgreeWithTheirOwnDefinitionsOnSampleCustomerOne() {
        ParetoNbd m = fitted.model();
        VisitHistory first = customers.get(0);
        double alive = m.probabilityActive(first);
        assertThat(alive).isBetween(0.0, 1.0);
        // the likelihood is the alive part plus the stopped part; P(alive) is the alive part's share of it
        int x = first.repeatVisits();
        double aliveLog = -(m.r() + x) * Math.log(m.alpha() + first.weeksObserved())
                - m.s() * Math.log(m.beta() + first.weeksObserved());
        assertThat(Math.exp(aliveLog - m.logAliveOrStopped(x, first.weeksToLastVisit(), first.weeksObserved())))
                .isCloseTo(alive, within(1e-9));
        // E[visits in t] grows with t, never faster than the posterior rate while alive
        double rate = (m.r() + x) / (m.alpha() + first.weeksObserved());
        assertThat(m.expectedVisits(39, first)).isGreaterThan(m.expectedVisits(13, first))
                .isLessThanOrEqualTo(rate * 39 * alive);
        // at s = 1 the formula takes its limit without a jump
        ParetoNbd atOne = new ParetoNbd(m.r(), m.alpha(), 1, m.beta());
        ParetoNbd nearOne = new ParetoNbd(m.r(), m.alpha(), 1 + 1e-7, m.beta());
        assertThat(atOne.expectedVisits(39, first)).isCloseTo(nearOne.expectedVisits(39, first), within(1e-5));
    }
}
