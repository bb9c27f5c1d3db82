package cn.chengxin.shared.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 2026 schedule (国办发明电〔2025〕7号) around National Day and the Spring Festival. */
class WorkingCalendarTests {

    private final WorkingCalendar calendar = new WorkingCalendar(schedule2026());

    private static List<CalendarDay> schedule2026() {
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 10, 7)); d = d.plusDays(1)) {
            days.add(new CalendarDay(d, DayKind.HOLIDAY, "国庆节"));
        }
        for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
            days.add(new CalendarDay(d, DayKind.HOLIDAY, "春节"));
        }
        days.add(new CalendarDay(LocalDate.of(2026, 9, 20), DayKind.ADJUSTED_WORKDAY, "国庆节"));
        days.add(new CalendarDay(LocalDate.of(2026, 10, 10), DayKind.ADJUSTED_WORKDAY, "国庆节"));
        days.add(new CalendarDay(LocalDate.of(2026, 2, 14), DayKind.ADJUSTED_WORKDAY, "春节"));
        days.add(new CalendarDay(LocalDate.of(2026, 2, 28), DayKind.ADJUSTED_WORKDAY, "春节"));
        return days;
    }

    @Test
    void aDeadlineFallingOnAHolidayMovesToTheNextWorkingDay() {
        assertThat(calendar.onOrAfter(LocalDate.of(2026, 10, 3))).isEqualTo(LocalDate.of(2026, 10, 8));
        // 3 working days from Tuesday 29 September: Wednesday 30, then the holiday, then Thursday 8 and Friday 9.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 29), 3)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 29), 0)).isEqualTo(LocalDate.of(2026, 9, 29));
    }

    @Test
    void adjustedWeekendDaysCountAndOrdinaryWeeksAreMondayToFriday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).as("ordinary Sunday").isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        // From a Friday, three working days end on Wednesday.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 11, 27), 3)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 11))).isEqualTo(3);
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 1, 5), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aYearWithoutItsScheduleStillRestsOnTheHolidaysTheLawDates() {
        // 2027 has no schedule entered: 元旦 (Friday 1 January) rests, so 1 working day from Thursday 31 December 2026
        // ends on Monday 4 January; 劳动节 1–2 May and 国庆节 1–3 October too, lunar holidays are not guessed.
        assertThat(calendar.isScheduled(2026)).isTrue();
        assertThat(calendar.isScheduled(2027)).isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 4))).as("补假 comes only from the notice").isTrue();
        // Before the 2024 revision (国务院令第795号, from 2025) 劳动节 was 1 May only.
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 2))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 5, 2))).isFalse();
        // A schedule entered without one of them (this test's 2026 one lacks 元旦) does not make it a working day.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
    }

    @Test
    void nextYearsScheduleIsMissedFromNovember() {
        assertThat(calendar.missingSchedules(LocalDate.of(2026, 10, 31))).isEmpty();
        assertThat(calendar.missingSchedules(LocalDate.of(2026, 11, 1))).containsExactly(2027);
        assertThat(calendar.missingSchedules(LocalDate.of(2027, 3, 1))).containsExactly(2027);
        assertThat(new WorkingCalendar(List.of()).missingSchedules(LocalDate.of(2026, 12, 4)))
                .containsExactly(2026, 2027);
    }

    /**
     * Review X7: a deadline counted into a year with no schedule is still given, and the operators are told once; one
     * within a scheduled year tells nothing.
     */
    @Test
    void aDeadlineCountedIntoAYearWithoutItsScheduleIsGivenAndWarnedOnce() {
        WorkingCalendar only2090 = new WorkingCalendar(List.of(
                new CalendarDay(LocalDate.of(2090, 10, 2), DayKind.HOLIDAY, "国庆节")));
        assertThat(only2090.plusWorkingDays(LocalDate.of(2090, 6, 1), 3)).isEqualTo(LocalDate.of(2090, 6, 6));
        assertThat(UnscheduledYears.warned(2090)).as("a scheduled year").isFalse();
        // Friday 29 December 2090: Monday 1 January 2091 rests (New Year's Day, by law); 2091 is not entered.
        assertThat(only2090.plusWorkingDays(LocalDate.of(2090, 12, 29), 2)).isEqualTo(LocalDate.of(2091, 1, 3));
        assertThat(UnscheduledYears.warned(2091)).isTrue();
        assertThat(UnscheduledYears.counted(2091)).as("told once").isFalse();
    }
}
