package cn.chengxin.shared.calendar;

import java.time.LocalDate;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The seeded schedules are in force from the database, and an edit changes deadlines at once. */
@IntegrationTest
class WorkingDaysIT {

    @Autowired
    WorkingDays workingDays;

    @Test
    void seededSchedulesCountAndEditsTakeEffect() {
        WorkingCalendar seeded = workingDays.calendar();
        assertThat(seeded.onOrAfter(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(seeded.onOrAfter(LocalDate.of(2025, 1, 28))).isEqualTo(LocalDate.of(2025, 2, 5));
        assertThat(seeded.isWorkingDay(LocalDate.of(2024, 2, 18))).as("2024 春节 调休 Sunday").isTrue();
        assertThat(workingDays.year(2026)).extracting(CalendarDay::holiday).contains("春节", "国庆节");

        // A day off decided later (a made-up date far ahead, so no other test meets it).
        LocalDate day = LocalDate.of(2099, 6, 3);
        assertThat(workingDays.calendar().isWorkingDay(day)).isTrue();
        workingDays.set(new CalendarDay(day, DayKind.HOLIDAY, "测试假日"), "测试通知", "tester");
        assertThat(workingDays.calendar().isWorkingDay(day)).isFalse();
        assertThat(workingDays.calendar().plusWorkingDays(day.minusDays(1), 1)).isEqualTo(day.plusDays(1));
        assertThat(workingDays.clear(day)).isTrue();
        assertThat(workingDays.calendar().isWorkingDay(day)).isTrue();

        CodedProblem weekday = catchThrowableOfType(CodedProblem.class, () -> workingDays.set(
                new CalendarDay(day, DayKind.ADJUSTED_WORKDAY, "测试"), "测试通知", "tester"));
        assertThat(weekday.code()).isEqualTo("CALENDAR_ADJUSTED_NOT_WEEKEND");
    }
}
