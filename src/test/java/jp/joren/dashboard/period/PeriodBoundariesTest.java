package jp.joren.dashboard.period;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Months, quarters and years at their edges: leap years, the turn of the year, months of different lengths. */
class PeriodBoundariesTest {

    @Test
    void februaryHasTwentyNineDaysInALeapYearOnly() {
        Period leap = Period.containing(Period.Kind.MONTH, LocalDate.of(2028, 2, 10));
        assertThat(leap.from()).isEqualTo(LocalDate.of(2028, 2, 1));
        assertThat(leap.last()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(leap.days()).isEqualTo(29);
        assertThat(Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 2, 28)).days()).isEqualTo(28);
        assertThat(Period.containing(Period.Kind.MONTH, LocalDate.of(2100, 2, 1)).days()).isEqualTo(28);
        assertThat(Period.containing(Period.Kind.YEAR, LocalDate.of(2028, 7, 1)).days()).isEqualTo(366);
        assertThat(Period.containing(Period.Kind.YEAR, LocalDate.of(2026, 7, 1)).days()).isEqualTo(365);
    }

    @Test
    void inJanuaryTheDashboardOpensOnLastDecemberAndLastYearsFourthQuarter() {
        LocalDate newYear = LocalDate.of(2027, 1, 1);
        assertThat(Period.lastComplete(Period.Kind.MONTH, newYear))
                .isEqualTo(new Period(Period.Kind.MONTH, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1)));
        assertThat(Period.lastComplete(Period.Kind.QUARTER, newYear))
                .isEqualTo(new Period(Period.Kind.QUARTER, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1)));
        assertThat(Period.lastComplete(Period.Kind.YEAR, newYear))
                .isEqualTo(new Period(Period.Kind.YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
        // and January's period before is December, across the year
        assertThat(Period.containing(Period.Kind.MONTH, newYear).previous())
                .isEqualTo(Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aQuarterIsThreeCalendarMonths() {
        Period fourth = Period.containing(Period.Kind.QUARTER, LocalDate.of(2026, 11, 15));
        assertThat(fourth.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(fourth.last()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(fourth.previous().from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(fourth.next().from()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Period.containing(Period.Kind.QUARTER, LocalDate.of(2028, 2, 29)).days()).isEqualTo(91);
        assertThat(Period.containing(Period.Kind.QUARTER, LocalDate.of(2026, 3, 31)).days()).isEqualTo(90);
    }

    @Test
    void aCustomRangeIncludesBothDaysTypedAndComparesWithAsManyDaysJustBefore() {
        Period march = Period.custom(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(march.days()).isEqualTo(31);
        assertThat(march.last()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.previous()).isEqualTo(Period.custom(LocalDate.of(2026, 1, 29), LocalDate.of(2026, 2, 28)));
        assertThat(march.next()).isEqualTo(Period.custom(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)));
        assertThat(Period.custom(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 5)).days()).isEqualTo(1);
    }

    @Test
    void theRunningMonthAfterALeapFebruaryComparesWithAllOfItsTwentyNineDays() {
        LocalDate march31 = LocalDate.of(2028, 3, 31);
        Period march = Period.containing(Period.Kind.MONTH, march31).elapsedBy(march31);
        assertThat(march.days()).isEqualTo(30);
        assertThat(march.previous())
                .isEqualTo(new Period(Period.Kind.MONTH, LocalDate.of(2028, 2, 1), LocalDate.of(2028, 3, 1), true));
        assertThat(march.previous().days()).isEqualTo(29);
    }

    @Test
    void theCohortOfAPeriodIsTheSameDaysThreeMonthsEarlier() {
        Period may = Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 5, 20));
        assertThat(may.cohortOldEnough())
                .isEqualTo(new Period(Period.Kind.MONTH, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)));
        assertThat(may.snapshotAtStart()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aLeapFebruarySoFarIsComparedWithAsManyDaysOfTheFebruaryAYearBefore() {
        // 29 February 2024: what has elapsed is 1–28 February
        Period soFar = Period.containing(Period.Kind.MONTH, LocalDate.of(2024, 2, 1)).elapsedBy(LocalDate.of(2024, 2, 29));
        assertThat(soFar.days()).isEqualTo(28);
        Period yearBefore = soFar.lastYear();
        assertThat(yearBefore.from()).isEqualTo(LocalDate.of(2023, 2, 1));
        assertThat(yearBefore.last()).isEqualTo(LocalDate.of(2023, 2, 28));
        // and a whole month a year back is that whole month
        assertThat(Period.containing(Period.Kind.MONTH, LocalDate.of(2024, 2, 1)).lastYear().last())
                .isEqualTo(LocalDate.of(2023, 2, 28));
    }

    @Test
    void aRunningMonthOpenedLaterCountsTheDaysItsLinkNamed() {
        // a number of 1–6 December, its list opened on the 20th
        Period opened = Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 12, 1)).elapsedBy(LocalDate.of(2026, 12, 20))
                .through(LocalDate.of(2026, 12, 6));
        assertThat(opened.last()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(opened.partial()).isTrue();
        assertThat(opened.previous().from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(opened.previous().last()).isEqualTo(LocalDate.of(2026, 11, 6));
        // a day outside the period changes nothing
        Period november = Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 11, 1));
        assertThat(november.through(LocalDate.of(2026, 12, 6))).isEqualTo(november);
        assertThat(november.through(LocalDate.of(2026, 10, 31))).isEqualTo(november);
    }
}
