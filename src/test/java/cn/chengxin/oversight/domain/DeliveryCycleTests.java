package cn.chengxin.oversight.domain;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.catalog.domain.UpdateCycle;
import cn.chengxin.shared.calendar.CalendarDay;
import cn.chengxin.shared.calendar.DayKind;
import cn.chengxin.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md §12 (collection completeness) by the catalogue's update cycle of each item, on the working-day calendar. */
class DeliveryCycleTests {

    private static final WorkingCalendar ORDINARY = new WorkingCalendar(List.of());
    /** Monday 2 March 2026. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate FRIDAY = MONDAY.plusDays(4);

    @Test
    void aDailyItemIsOverdueOnceMoreThanOneWorkingDayHasPassed() {
        assertThat(DeliveryCycle.overdue(UpdateCycle.DAILY, MONDAY, MONDAY.plusDays(1), ORDINARY)).isFalse();
        assertThat(DeliveryCycle.overdue(UpdateCycle.DAILY, MONDAY, MONDAY.plusDays(2), ORDINARY)).isTrue();
        assertThat(DeliveryCycle.overdueFrom(UpdateCycle.DAILY, MONDAY, ORDINARY)).contains(MONDAY.plusDays(2));
    }

    @Test
    void aWeekendOrAHolidayDoesNotCountForADailyItem() {
        // Delivered on Friday: Saturday and Sunday are no working days, Monday is the one allowed.
        assertThat(DeliveryCycle.overdue(UpdateCycle.DAILY, FRIDAY, FRIDAY.plusDays(3), ORDINARY)).isFalse();
        assertThat(DeliveryCycle.overdue(UpdateCycle.DAILY, FRIDAY, FRIDAY.plusDays(4), ORDINARY)).isTrue();
        // With Tuesday a holiday, Tuesday does not count either: overdue from Wednesday.
        WorkingCalendar holiday = new WorkingCalendar(List.of(
                new CalendarDay(FRIDAY.plusDays(4), DayKind.HOLIDAY, "测试假期")));
        assertThat(DeliveryCycle.overdue(UpdateCycle.DAILY, FRIDAY, FRIDAY.plusDays(4), holiday)).isFalse();
        assertThat(DeliveryCycle.overdueFrom(UpdateCycle.DAILY, FRIDAY, holiday)).contains(FRIDAY.plusDays(5));
    }

    @Test
    void aDailyItemLastDeliveredFortyDaysAgoIsOverdue() {
        assertThat(DeliveryCycle.overdue(UpdateCycle.DAILY, MONDAY.minusDays(40), MONDAY, ORDINARY)).isTrue();
    }

    @Test
    void aWeeklyItemMayBeSilentSevenDays() {
        assertThat(DeliveryCycle.overdue(UpdateCycle.WEEKLY, MONDAY, MONDAY.plusDays(7), ORDINARY)).isFalse();
        assertThat(DeliveryCycle.overdue(UpdateCycle.WEEKLY, MONDAY, MONDAY.plusDays(8), ORDINARY)).isTrue();
    }

    @Test
    void aMonthlyItemHasAMonthAndFiveWorkingDays() {
        // 2 April 2026 is a Thursday; five working days later is Thursday 9 April (Friday 3, then Monday 6 to Thursday 9).
        LocalDate lastAllowed = LocalDate.of(2026, 4, 9);
        assertThat(DeliveryCycle.overdue(UpdateCycle.MONTHLY, MONDAY, lastAllowed, ORDINARY)).isFalse();
        assertThat(DeliveryCycle.overdue(UpdateCycle.MONTHLY, MONDAY, lastAllowed.plusDays(1), ORDINARY)).isTrue();
        // A holiday in those days moves the end: Monday 6 April (清明) off, so Friday 10 April is still allowed.
        WorkingCalendar qingming = new WorkingCalendar(List.of(
                new CalendarDay(LocalDate.of(2026, 4, 6), DayKind.HOLIDAY, "清明节")));
        assertThat(DeliveryCycle.overdue(UpdateCycle.MONTHLY, MONDAY, lastAllowed.plusDays(1), qingming)).isFalse();
        assertThat(DeliveryCycle.overdueFrom(UpdateCycle.MONTHLY, MONDAY, qingming))
                .contains(LocalDate.of(2026, 4, 11));
    }

    @Test
    void quarterlyAndYearlyItemsHaveThreeAndTwelveMonthsAndTheSameGrace() {
        assertThat(DeliveryCycle.overdueFrom(UpdateCycle.QUARTERLY, MONDAY, ORDINARY))
                .contains(ORDINARY.plusWorkingDays(MONDAY.plusMonths(3), 5).plusDays(1));
        assertThat(DeliveryCycle.overdue(UpdateCycle.QUARTERLY, MONDAY, MONDAY.plusMonths(3), ORDINARY)).isFalse();
        assertThat(DeliveryCycle.overdue(UpdateCycle.QUARTERLY, MONDAY, MONDAY.plusMonths(4), ORDINARY)).isTrue();
        assertThat(DeliveryCycle.overdue(UpdateCycle.YEARLY, MONDAY, MONDAY.plusMonths(12), ORDINARY)).isFalse();
        assertThat(DeliveryCycle.overdue(UpdateCycle.YEARLY, MONDAY, MONDAY.plusMonths(13), ORDINARY)).isTrue();
    }

    @Test
    void aRealTimeItemIsNeverOverdue() {
        assertThat(DeliveryCycle.overdueFrom(UpdateCycle.REAL_TIME, MONDAY, ORDINARY)).isEmpty();
        assertThat(DeliveryCycle.overdue(UpdateCycle.REAL_TIME, MONDAY, MONDAY.plusYears(3), ORDINARY)).isFalse();
    }
}
