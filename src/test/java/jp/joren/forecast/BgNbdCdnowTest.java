package jp.joren.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
}
