package cn.chengxin.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CivilPeriodsTests {

    @Test
    void aPeriodInMonthsEndsOnTheCorrespondingDayNotTheDayBefore() {
        assertThat(CivilPeriods.lastDayOfMonths(LocalDate.of(2025, 3, 10), 12)).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(CivilPeriods.lastDayOfMonths(LocalDate.of(2025, 3, 10), 3)).isEqualTo(LocalDate.of(2025, 6, 10));
    }

    @Test
    void aMonthWithoutTheCorrespondingDayEndsOnItsLastDay() {
        assertThat(CivilPeriods.lastDayOfMonths(LocalDate.of(2025, 11, 30), 3)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(CivilPeriods.lastDayOfMonths(LocalDate.of(2025, 11, 28), 3)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(CivilPeriods.lastDayOfMonths(LocalDate.of(2025, 11, 27), 3)).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(CivilPeriods.lastDayOfMonths(LocalDate.of(2024, 2, 29), 12)).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void aPeriodInYearsEndsOnTheCorrespondingDay() {
        assertThat(CivilPeriods.lastDayOfYears(LocalDate.of(2025, 3, 10), 5)).isEqualTo(LocalDate.of(2030, 3, 10));
        assertThat(CivilPeriods.lastDayOfYears(LocalDate.of(2024, 2, 29), 1)).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void noLengthIsNoEnd() {
        assertThat(CivilPeriods.lastDayOfMonths(LocalDate.of(2025, 3, 10), null)).isNull();
        assertThat(CivilPeriods.lastDayOfYears(LocalDate.of(2025, 3, 10), null)).isNull();
    }
}
