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
}
