package jp.joren.forecast;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The fit and the forecasts against the published results on the CDNOW sample (Fader, Hardie &amp; Lee 2005). */
class BgNbdCdnowTest {

    private static List<VisitHistory> customers;
    private static MaximumLikelihood.Fitted<BgNbd> fitted;

    @BeforeAll
    static void fit() {
        customers = Cdnow.calibration();
        fitted = MaximumLikelihood.bgNbd(customers);
    }

    @Test
    void readsTheCalibrationPeriodAsPublished() {
        assertThat(customers).hasSize(2357);
        assertThat(customers.stream().filter(c -> c.repeatVisits() == 0).count()).isEqualTo(1411);
        assertThat(customers.stream().mapToInt(VisitHistory::repeatVisits).sum()).isEqualTo(2457);
    }

    @Test
    void findsThePublishedEstimatesAndLogLikelihood() {
        BgNbd m = fitted.model();
        assertThat(fitted.converged()).isTrue();
        assertThat(fitted.atBound()).isFalse();
        assertThat(m.r()).isCloseTo(0.243, within(0.0005));
        assertThat(m.alpha()).isCloseTo(4.414, within(0.005));
        assertThat(m.a()).isCloseTo(0.793, within(0.0005));
        assertThat(m.b()).isCloseTo(2.426, within(0.005));
        assertThat(fitted.logLikelihood()).isCloseTo(-9582.4, within(0.1));
    }

    @Test
    void aNewCustomerIsExpectedToBuyOnAbout1point444DaysInAYear() {
        assertThat(fitted.model().expectedVisitsOfNewCustomer(52)).isCloseTo(1.444, within(0.001));
    }

    @Test
    void sampleCustomerOneIsLikelyStillActiveWithAboutOnePurchaseInThe39WeeksAfter() {
        VisitHistory first = customers.get(0);
        assertThat(first.repeatVisits()).isEqualTo(2);
        assertThat(first.weeksToLastVisit()).isCloseTo(30.43, within(0.005));
        assertThat(first.weeksObserved()).isCloseTo(38.86, within(0.005));
        assertThat(fitted.model().probabilityActive(first)).isCloseTo(0.7266, within(0.0005));
        assertThat(fitted.model().expectedVisits(39, first)).isCloseTo(1.226, within(0.001));
    }

    @Test
    void aWeeklyRegularIsExpectedWeeklyLessTheFewWhoStopAndNextWithinTheWeek() {
        BgNbd m = fitted.model();
        VisitHistory weekly = new VisitHistory(150, 150, 150.5, 0);
        double rate = (m.r() + 150) / (m.alpha() + 150.5);
        assertThat(m.probabilityActive(weekly)).isGreaterThan(0.99);
        assertThat(m.expectedVisits(52, weekly)).isBetween(0.7 * rate * 52, rate * 52);
        assertThat(m.medianWeeksToNextVisitIfActive(weekly)).isCloseTo(Math.log(2) / rate, within(0.01));
        // gone quiet for a year after the same 150 visits: most likely lost, and expected far less
        VisitHistory quiet = new VisitHistory(150, 150, 202, 0);
        assertThat(m.probabilityActive(quiet)).isLessThan(0.01);
        assertThat(m.expectedVisits(52, quiet)).isLessThan(1);
    }

    @Test
    void aShopWhoseCustomersHardlyEverStopIsForecastWithoutOverflow() {
        // a ≫ 1: the power (1−z)^(a−1) underflows where the series overflows unless both are logarithms
        BgNbd loyal = new BgNbd(0.45, 1, 200, 5_000);
        // beta(200, 5000) hardly varies: with p fixed at its mean, E[X(t)] = E_λ[(1 − e^(−λpt))/p]
        // = (1 − (α/(α+pt))^r)/p, within a percent of the model's
        double p = 200.0 / 5_200;
        double fixedDropout = (1 - Math.pow(1 / (1 + p * 52), 0.45)) / p;
        assertThat(loyal.expectedVisitsOfNewCustomer(52)).isCloseTo(fixedDropout, within(0.01 * fixedDropout));
        VisitHistory recent = new VisitHistory(40, 99, 100, 0);
        assertThat(loyal.expectedVisits(90 / 7.0, recent)).isPositive().isLessThan(loyal.expectedVisits(52, recent));
    }

    @Test
    void aDropoutTheSameForEveryoneIsForecastInClosedFormWithoutAJump() {
        double ratio = 0.009 / 0.991;
        BgNbd bySeries = new BgNbd(0.7, 14, BgNbd.CONSTANT_DROPOUT_FROM - 1, (BgNbd.CONSTANT_DROPOUT_FROM - 1) / ratio);
        BgNbd closedForm = new BgNbd(0.7, 14, BgNbd.CONSTANT_DROPOUT_FROM + 1, (BgNbd.CONSTANT_DROPOUT_FROM + 1) / ratio);
        for (VisitHistory h : List.of(new VisitHistory(0, 0, 0, 0), new VisitHistory(3, 40, 60, 0), new VisitHistory(60, 100, 101, 0))) {
            double series = bySeries.expectedVisits(52, h);
            assertThat(closedForm.expectedVisits(52, h)).isCloseTo(series, within(1e-3 * series));
        }
    }
}
