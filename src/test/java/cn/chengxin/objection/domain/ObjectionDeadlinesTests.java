package cn.chengxin.objection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.shared.calendar.CalendarDay;
import cn.chengxin.shared.calendar.DayKind;
import cn.chengxin.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectionDeadlinesTests {

    private final ObjectionDeadlines deadlines = ObjectionDeadlines.defaults();

    @Test
    void anObjectionReceivedBeforeNationalDayIsDueAfterItCountingTheAdjustedSaturday() {
        List<CalendarDay> days = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 10, d), DayKind.HOLIDAY, "国庆节"));
        }
        days.add(new CalendarDay(LocalDate.of(2026, 10, 10), DayKind.ADJUSTED_WORKDAY, "国庆节"));
        WorkingCalendar calendar = new WorkingCalendar(days);
        LocalDate received = LocalDate.of(2026, 9, 30);
        assertThat(deadlines.platformDue(calendar, received)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(deadlines.withDepartmentDue(calendar, received)).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(deadlines.departmentAnswerDue(calendar, LocalDate.of(2026, 10, 9))).isEqualTo(LocalDate.of(2026, 10, 13));
    }

    @Test
    void outcomesThatStopARecordFromCountingEndItsListEntries() {
        assertThat(Outcome.UPHOLD.endsListEntries()).isFalse();
        assertThat(Outcome.SUPPLEMENT.endsListEntries()).isFalse();
        assertThat(Outcome.REMOVE_FROM_LIST.endsListEntries()).isTrue();
        assertThat(Outcome.DELETE.endsListEntries()).isTrue();
        assertThat(Outcome.STOP_DISPLAY.endsListEntries()).isTrue();
    }
}
