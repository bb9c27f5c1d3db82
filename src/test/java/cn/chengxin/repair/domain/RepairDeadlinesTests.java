package cn.chengxin.repair.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.shared.calendar.CalendarDay;
import cn.chengxin.shared.calendar.DayKind;
import cn.chengxin.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepairDeadlinesTests {

    private final RepairDeadlines deadlines = RepairDeadlines.defaults();
    private final WorkingCalendar calendar = nationalDayWeek();

    @Test
    void feedbackIsDueTenWorkingDaysAfterReceiptSkippingTheHolidayAndCountingTheAdjustedSaturday() {
        // Fri 25 Sep: 28, 29, 30 Sep, (1–7 Oct holiday), 8, 9, Sat 10 (调休), 12, 13, 14, 15 Oct.
        assertThat(deadlines.feedbackDue(calendar, LocalDate.of(2026, 9, 25))).isEqualTo(LocalDate.of(2026, 10, 15));
    }

    /**
     * G8: a record in dispute from Tue 29 Sep to Mon 12 Oct stops the clock for the working days in between (30 Sep,
     * 8, 9, Sat 10 and 12 Oct: five), not for the holiday; begun and ended on one day it moves nothing.
     */
    @Test
    void aPauseMovesTheDeadlineByItsWorkingDaysOnly() {
        LocalDate due = LocalDate.of(2026, 10, 15);
        assertThat(deadlines.resumed(calendar, due, LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 12)))
                .isEqualTo(LocalDate.of(2026, 10, 22));
        assertThat(deadlines.resumed(calendar, due, LocalDate.of(2026, 9, 29), LocalDate.of(2026, 9, 29)))
                .isEqualTo(due);
    }

    @Test
    void aDecisionDueDuringTheHolidayMovesToTheNextWorkingDays() {
        // Proposed on 30 Sep: three working days are 8, 9 and the adjusted Saturday 10 Oct, never 1–3 Oct.
        assertThat(deadlines.decisionDue(calendar, LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void anExtensionMovesTheDeadlineByWorkingDaysWithinItsLimit() {
        assertThat(deadlines.extended(calendar, LocalDate.of(2026, 10, 15), 5)).isEqualTo(LocalDate.of(2026, 10, 22));
        assertThatThrownBy(() -> deadlines.extended(calendar, LocalDate.of(2026, 10, 15), 11))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deadlines.extended(calendar, LocalDate.of(2026, 10, 15), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static WorkingCalendar nationalDayWeek() {
        List<CalendarDay> days = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 10, d), DayKind.HOLIDAY, "国庆节"));
        }
        days.add(new CalendarDay(LocalDate.of(2026, 10, 10), DayKind.ADJUSTED_WORKDAY, "国庆节"));
        return new WorkingCalendar(days);
    }
}
