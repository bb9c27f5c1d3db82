package cn.chengxin.scoring.domain;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.shared.calendar.DayKind;
import cn.chengxin.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewDeadlineTests {

    private final WorkingCalendar weekdays = new WorkingCalendar(List.of());

    @Test
    void aRequestIsAnsweredWithinItsWorkingDaysNotCountingTheDayAskedNorTheWeekend() {
        // Friday 2026-12-04: three working days end on Wednesday.
        assertThat(new ReviewDeadline(3).due(weekdays, LocalDate.of(2026, 12, 4))).isEqualTo(LocalDate.of(2026, 12, 9));
    }

    @Test
    void aLongHolidayNeverTakesTheAnswerBeyondTwentyCalendarDays() {
        // 春节 2026 as the State Council scheduled it: rest from Sunday 15 to Monday 23 February, Saturdays 14 and 28
        // worked. Fourteen working days after Monday 9 February end on Thursday 5 March, 24 calendar days later; the
        // ceiling is the last working day within 20: Saturday 28 February, a worked Saturday, is day 19; 1 March is a
        // Sunday. Without the cap the office would be told it has until 5 March.
        WorkingCalendar springFestival = weekdays
                .changed(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23), DayKind.HOLIDAY)
                .changed(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 14), DayKind.ADJUSTED_WORKDAY)
                .changed(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 2, 28), DayKind.ADJUSTED_WORKDAY);
        LocalDate requested = LocalDate.of(2026, 2, 9);
        assertThat(springFestival.plusWorkingDays(requested, 14)).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(new ReviewDeadline(14).due(springFestival, requested)).isEqualTo(LocalDate.of(2026, 2, 28));
        // A deadline already within the ceiling is not moved.
        assertThat(new ReviewDeadline(3).due(springFestival, requested)).isEqualTo(LocalDate.of(2026, 2, 12));
    }

    @Test
    void refusesADeadlineOfNoDayOrBeyondTheTwentyDayCeiling() {
        assertThatThrownBy(() -> new ReviewDeadline(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewDeadline(15)).hasMessageContaining("20-day ceiling");
        assertThat(new ReviewDeadline(14).workingDays()).isEqualTo(14);
    }
}
