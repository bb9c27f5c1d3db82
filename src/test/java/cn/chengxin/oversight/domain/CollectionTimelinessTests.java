package cn.chengxin.oversight.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import cn.chengxin.oversight.domain.CollectionTimeliness.Delay;
import cn.chengxin.shared.calendar.CalendarDay;
import cn.chengxin.shared.calendar.DayKind;
import cn.chengxin.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md §12: records built within 5 working days of the decision, by the working-day calendar. */
class CollectionTimelinessTests {

    private static final WorkingCalendar ORDINARY = new WorkingCalendar(List.of());
    /** Monday 2 March 2026. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void theFifthWorkingDayAfterTheDecisionIsInTimeTheSixthIsNot() {
        CollectionTimeliness t = CollectionTimeliness.of(List.of(
                new Delay(MONDAY, MONDAY, 1),
                new Delay(MONDAY, MONDAY.plusDays(7), 2),     // next Monday: the 5th working day
                new Delay(MONDAY, MONDAY.plusDays(8), 1)),    // next Tuesday: the 6th
                ORDINARY);
        assertThat(t.records()).isEqualTo(4);
        assertThat(t.withinDeadline()).isEqualTo(3);
        assertThat(t.withinPercent()).isEqualTo(75);
        assertThat(t.medianDays()).as("the lower median of 0, 7, 7, 8").isEqualTo(7);
    }

    @Test
    void aHolidayInBetweenDoesNotCount() {
        // Wednesday and Thursday declared holidays: the next Tuesday is only the 4th working day after Monday.
        WorkingCalendar calendar = new WorkingCalendar(List.of(
                new CalendarDay(MONDAY.plusDays(2), DayKind.HOLIDAY, "测试假期"),
                new CalendarDay(MONDAY.plusDays(3), DayKind.HOLIDAY, "测试假期")));
        Delay tuesday = new Delay(MONDAY, MONDAY.plusDays(8), 1);
        Delay thursday = new Delay(MONDAY, MONDAY.plusDays(10), 1);
        assertThat(CollectionTimeliness.of(List.of(tuesday), ORDINARY).withinDeadline()).isZero();
        assertThat(CollectionTimeliness.of(List.of(tuesday), calendar).withinDeadline()).isEqualTo(1);
        assertThat(CollectionTimeliness.of(List.of(thursday), calendar).withinDeadline()).as("the 6th").isZero();
    }

    @Test
    void nothingReceivedHasNoMedianAndNoShare() {
        CollectionTimeliness t = CollectionTimeliness.of(List.of(), ORDINARY);
        assertThat(t.records()).isZero();
        assertThat(t.medianDays()).isNull();
        assertThat(t.withinPercent()).isNull();
    }

    @Test
    void aRecordMonthsLateIsLate() {
        assertThat(CollectionTimeliness.of(List.of(new Delay(MONDAY, MONDAY.plusMonths(3), 5)), ORDINARY)
                .withinDeadline()).isZero();
    }

    @Test
    void feedbackIsOverdueOnceTenWorkingDaysHavePassed() {
        // Checks made on Monday 2 March owe feedback by Monday 16 March (10 working days): overdue from the 17th.
        assertThat(FeedbackYardstick.overdueBefore(ORDINARY, MONDAY.plusDays(14))).isEqualTo(MONDAY);
        assertThat(FeedbackYardstick.overdueBefore(ORDINARY, MONDAY.plusDays(15))).isEqualTo(MONDAY.plusDays(1));
        // On Saturday 14 March, the checks made until Sunday 1 March are overdue (their 10th day was Friday the 13th).
        assertThat(FeedbackYardstick.overdueBefore(ORDINARY, MONDAY.plusDays(12))).isEqualTo(MONDAY);
    }

    @Test
    void eachDelayAndCheckIsJudgedByTheCalendarKnownWhenItsCountBegan() {
        // Friday 6 March was made a holiday after the fact: known only for counts beginning after the 6th.
        LocalDate friday = MONDAY.plusDays(4);
        WorkingCalendar corrected = ORDINARY.changed(friday, friday, DayKind.HOLIDAY);
        Function<LocalDate, WorkingCalendar> known = start -> start.isAfter(friday) ? corrected
                : ORDINARY;
        Delay sixthDay = new Delay(MONDAY, MONDAY.plusDays(8), 1); // Tuesday 10 March: the 6th, the 5th corrected

        assertThat(CollectionTimeliness.of(List.of(sixthDay), corrected).withinDeadline()).isEqualTo(1);
        assertThat(CollectionTimeliness.of(List.of(sixthDay), known).withinDeadline()).as("as reported").isZero();
        assertThat(FeedbackYardstick.overdueBefore(known, MONDAY.plusDays(15)))
                .as("Monday's checks overdue from the 17th still").isEqualTo(MONDAY.plusDays(1));
        assertThat(FeedbackYardstick.overdueBefore(corrected, MONDAY.plusDays(15))).isEqualTo(MONDAY);
    }
}
