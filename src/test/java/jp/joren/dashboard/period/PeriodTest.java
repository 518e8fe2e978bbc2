package jp.joren.dashboard.period;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Periods that are honest about being unfinished: a running month is compared day for day. */
class PeriodTest {

    private static final LocalDate DECEMBER_7 = LocalDate.of(2026, 12, 7);

    @Test
    void theDashboardOpensOnTheLastMonthThatIsOver() {
        assertThat(Period.lastComplete(Period.Kind.MONTH, DECEMBER_7))
                .isEqualTo(new Period(Period.Kind.MONTH, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)));
        assertThat(Period.lastComplete(Period.Kind.QUARTER, DECEMBER_7).from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(new PeriodChoice().resolve(DECEMBER_7).partial()).isFalse();
    }

    @Test
    void aRunningMonthIsItsDaysUpToYesterdayComparedWithTheSameDaysBeforeAndLastYear() {
        Period december = Period.containing(Period.Kind.MONTH, DECEMBER_7).elapsedBy(DECEMBER_7);

        assertThat(december.partial()).isTrue();
        assertThat(december.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(december.last()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(december.previous()).isEqualTo(
                new Period(Period.Kind.MONTH, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 7), true));
        assertThat(december.lastYear()).isEqualTo(
                new Period(Period.Kind.MONTH, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 7), true));
        assertThat(december.next()).isEqualTo(Period.containing(Period.Kind.MONTH, LocalDate.of(2027, 1, 1)));
    }

    @Test
    void onTheFirstDayTheRunningMonthIsTodayAlone() {
        LocalDate first = LocalDate.of(2026, 12, 1);
        Period december = Period.containing(Period.Kind.MONTH, first).elapsedBy(first);

        assertThat(december.days()).isEqualTo(1);
        assertThat(december.previous().from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(december.previous().days()).isEqualTo(1);
    }

    @Test
    void thePeriodBeforeNeverRunsPastItsOwnEnd() {
        LocalDate march31 = LocalDate.of(2026, 3, 31);
        Period march = Period.containing(Period.Kind.MONTH, march31).elapsedBy(march31);

        assertThat(march.days()).isEqualTo(30);
        assertThat(march.previous()).isEqualTo(
                new Period(Period.Kind.MONTH, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), true));
    }

    @Test
    void aPeriodThatIsOverOrNotBegunIsWhole() {
        Period october = Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 10, 1));
        assertThat(october.elapsedBy(DECEMBER_7)).isEqualTo(october);
        assertThat(october.elapsedBy(LocalDate.of(2026, 9, 30))).isEqualTo(october);
        PeriodChoice chosen = new PeriodChoice();
        chosen.setAt(DECEMBER_7);
        assertThat(chosen.resolve(DECEMBER_7).partial()).isTrue();
    }
}
