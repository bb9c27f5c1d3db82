package cn.chengxin.account.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.shared.calendar.CalendarDay;
import cn.chengxin.shared.calendar.DayKind;
import cn.chengxin.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RightsRequestDeadlineTests {

    private final RightsRequestDeadline standard = RightsRequestDeadline.standard();

    @Test
    void aRequestIsDueFifteenWorkingDaysLaterNotCountingTheDayItWasMadeNorWeekends() {
        WorkingCalendar statutoryOnly = new WorkingCalendar(List.of());
        // Monday 2026-12-07: three weeks of five working days end on Monday 2026-12-28.
        assertThat(standard.due(statutoryOnly, LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2026, 12, 28));
        // Made on a Saturday, the count starts on Monday and ends on a Friday.
        assertThat(standard.due(statutoryOnly, LocalDate.of(2026, 11, 14))).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void aRequestMadeBeforeNationalDaySkipsTheHolidayAndCountsTheAdjustedSaturday() {
        List<CalendarDay> days = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 10, d), DayKind.HOLIDAY, "国庆节"));
        }
        days.add(new CalendarDay(LocalDate.of(2026, 10, 10), DayKind.ADJUSTED_WORKDAY, "国庆节"));
        WorkingCalendar calendar = new WorkingCalendar(days);
        // Working days from 30 September: Oct 8, 9, 10 (adjusted), 12-16, 19-23, 26, 27 — the 15th is 27 October.
        assertThat(standard.due(calendar, LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 27));
    }

    @Test
    void theSettingMayLengthenTheDeadlineButNeverShortenIt() {
        WorkingCalendar statutoryOnly = new WorkingCalendar(List.of());
        // Dec 28 is the 15th working day; Dec 29-31 and, over New Year's Day (a statutory holiday), Jan 4 and 5.
        assertThat(new RightsRequestDeadline(20).due(statutoryOnly, LocalDate.of(2026, 12, 7)))
                .isEqualTo(LocalDate.of(2027, 1, 5));
        assertThatThrownBy(() -> new RightsRequestDeadline(14)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15");
        assertThatThrownBy(() -> new RightsRequestDeadline(31)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RightsRequestDeadline(RightsRequestDeadline.MAX_WORKING_DAYS).workingDays()).isEqualTo(30);
    }

    @Test
    void aRefusalWholeOrInPartNeedsReasonsAndARequestIsOverdueOnlyWhileOpenAfterItsDay() {
        assertThat(RightsRequestOutcome.REFUSED.refuses()).isTrue();
        assertThat(RightsRequestOutcome.PARTLY.refuses()).isTrue();
        assertThat(RightsRequestOutcome.DONE.refuses()).isFalse();
        LocalDate due = LocalDate.of(2026, 12, 28);
        RightsRequest open = new RightsRequest(null, 42, null, RightsRequestKind.DELETION, "请删除", null, due, null,
                null, null, null, null, null, null, RightsRequestChannel.SELF_SERVICE, null);
        assertThat(open.reference()).isEqualTo("PI000042");
        assertThat(open.overdue(due)).isFalse();
        assertThat(open.overdue(due.plusDays(1))).isTrue();
        RightsRequest answered = new RightsRequest(null, 42, null, RightsRequestKind.DELETION, "请删除", null, due,
                RightsRequestOutcome.DONE, "已删除", null, "x", null, null, null, RightsRequestChannel.SELF_SERVICE, null);
        assertThat(answered.overdue(due.plusDays(1))).isFalse();
        // Reminded once per deadline: a reminder of an earlier deadline is not one of this.
        assertThat(open.reminded()).isFalse();
        assertThat(new RightsRequest(null, 42, null, RightsRequestKind.DELETION, "请删除", null, due, null, null, null,
                null, null, due, null, RightsRequestChannel.SELF_SERVICE, null).reminded()).isTrue();
        assertThat(new RightsRequest(null, 42, null, RightsRequestKind.DELETION, "请删除", null, due, null, null, null,
                null, null, due.minusDays(3), null, RightsRequestChannel.SELF_SERVICE, null).reminded()).isFalse();
        assertThat(RightsRequest.acceptable(" ")).isFalse();
        assertThat(RightsRequest.acceptable("x".repeat(RightsRequest.MAX_TEXT + 1))).isFalse();
    }
}
