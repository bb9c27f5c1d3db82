package cn.chengxin.objection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.shared.calendar.CalendarDay;
import cn.chengxin.shared.calendar.DayKind;
import cn.chengxin.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * Henan Art. 42: once told the record's legal basis was revoked, the case is decided within 1 working day — the
     * next working day after the notice, over a holiday — and never later than it was due already.
     */
    @Test
    void aRevokedBasisIsWithdrawnTheNextWorkingDayNeverLaterThanTheCaseWasDue() {
        List<CalendarDay> days = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 10, d), DayKind.HOLIDAY, "国庆节"));
        }
        WorkingCalendar calendar = new WorkingCalendar(days);
        assertThat(deadlines.withdrawalDue(calendar, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 15)))
                .isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(deadlines.withdrawalDue(calendar, LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 15)))
                .isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(deadlines.withdrawalDue(calendar, LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 12)))
                .as("already due today").isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void outcomesThatStopARecordFromCountingEndItsListEntries() {
        assertThat(Outcome.UPHOLD.endsListEntries()).isFalse();
        assertThat(Outcome.SUPPLEMENT.endsListEntries()).isFalse();
        assertThat(Outcome.REMOVE_FROM_LIST.endsListEntries()).isTrue();
        assertThat(Outcome.DELETE.endsListEntries()).isTrue();
        assertThat(Outcome.STOP_DISPLAY.endsListEntries()).isTrue();
    }

    private final WorkingCalendar plain = new WorkingCalendar(List.of());

    @Test
    void theWorkingDaysOfAPauseAreNotCounted() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        LocalDate due = deadlines.withDepartmentDue(plain, monday);
        assertThat(due).isEqualTo(LocalDate.of(2026, 6, 10));
        // Expert review Wednesday to the next Tuesday: 5 working days (the weekend does not count).
        var review = new ObjectionPause(ObjectionPause.Kind.EXPERT_REVIEW, "专家评审", LocalDate.of(2026, 6, 3),
                LocalDate.of(2026, 6, 9));
        assertThat(deadlines.paused(plain, due, List.of(review), monday, monday)).isEqualTo(LocalDate.of(2026, 6, 17));
    }

    @Test
    void overlappingPausesCountADayOnce() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        var testing = new ObjectionPause(ObjectionPause.Kind.TESTING, "检测", LocalDate.of(2026, 6, 2),
                LocalDate.of(2026, 6, 3));
        var review = new ObjectionPause(ObjectionPause.Kind.EXPERT_REVIEW, "评审", LocalDate.of(2026, 6, 3),
                LocalDate.of(2026, 6, 4));
        LocalDate due = deadlines.platformDue(plain, monday);
        assertThat(deadlines.paused(plain, due, List.of(testing, review), monday, monday))
                .isEqualTo(plain.plusWorkingDays(due, 3));
    }

    @Test
    void noPauseTakesACasePastTwentyDaysFromReceipt() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        var longTesting = new ObjectionPause(ObjectionPause.Kind.TESTING, "检测", LocalDate.of(2026, 6, 2),
                LocalDate.of(2026, 7, 31));
        LocalDate due = deadlines.withDepartmentDue(plain, monday);
        // 20 days from Monday 1 June is Sunday 21 June: the ceiling is the Friday before.
        assertThat(deadlines.ceiling(plain, monday)).isEqualTo(LocalDate.of(2026, 6, 19));
        assertThat(deadlines.paused(plain, due, List.of(longTesting), monday, monday))
                .isEqualTo(LocalDate.of(2026, 6, 19));
    }

    @Test
    void aPauseNeedsAReasonAndSaneDates() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(cn.chengxin.shared.CodedProblem.class,
                () -> ObjectionPause.of(ObjectionPause.Kind.TESTING, " ", day, day, day)).code())
                .isEqualTo("OBJECTION_PAUSE_INVALID");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(cn.chengxin.shared.CodedProblem.class,
                () -> ObjectionPause.of(ObjectionPause.Kind.TESTING, "检测", day, day.minusDays(1), day)).code())
                .isEqualTo("OBJECTION_PAUSE_DATES");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(cn.chengxin.shared.CodedProblem.class,
                () -> ObjectionPause.of(ObjectionPause.Kind.TESTING, "检测", day.minusDays(1), day, day)).code())
                .isEqualTo("OBJECTION_PAUSE_DATES");
    }

    @Test
    void aDeadlineThatFallsOnAHolidayMovesToTheNextWorkingDay() {
        WorkingCalendar calendar = new WorkingCalendar(List.of(
                new CalendarDay(LocalDate.of(2026, 6, 4), DayKind.HOLIDAY, "测试假日")));
        assertThat(deadlines.platformDue(calendar, LocalDate.of(2026, 6, 1))).isEqualTo(LocalDate.of(2026, 6, 5));
    }

    /**
     * G9 (RULES.md §5; Henan Art. 41): routing gives the case 7 working days from receipt and the department 3 from
     * routing; routed on the platform's last day, the department still answers the working day before the case is
     * due, which the office keeps to decide.
     */
    @Test
    void aCaseRoutedOnThePlatformsLastDayLeavesTheOfficeItsDecidingDay() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        assertThat(deadlines.due(plain, monday, null, List.of()))
                .isEqualTo(new ObjectionDeadlines.Due(LocalDate.of(2026, 6, 4), null));
        assertThat(deadlines.due(plain, monday, LocalDate.of(2026, 6, 4), List.of()))
                .isEqualTo(new ObjectionDeadlines.Due(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 9)));
    }

    /** The department's days never outrun the case's: capped at the working day before the case is due. */
    @Test
    void theDepartmentsDeadlineIsCappedAtTheDayBeforeTheCaseIsDue() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        // Configured 5 days for the platform and the department: routed on day 5, the department's 5 days would end on
        // 15 June, after the case's 7 (10 June).
        var configured = new ObjectionDeadlines(5, 5, 7, 20, 1);
        assertThat(configured.due(plain, monday, LocalDate.of(2026, 6, 8), List.of()))
                .isEqualTo(new ObjectionDeadlines.Due(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 9)));
        // A long pause takes both to the 20-day ceiling (Friday 19 June): the department answers by the Thursday.
        var longTesting = new ObjectionPause(ObjectionPause.Kind.TESTING, "检测", LocalDate.of(2026, 6, 3),
                LocalDate.of(2026, 7, 31));
        assertThat(deadlines.due(plain, monday, LocalDate.of(2026, 6, 2), List.of(longTesting)))
                .isEqualTo(new ObjectionDeadlines.Due(LocalDate.of(2026, 6, 19), LocalDate.of(2026, 6, 18)));
        // Over a holiday, the day before is the last working day before it.
        WorkingCalendar calendar = new WorkingCalendar(List.of(
                new CalendarDay(LocalDate.of(2026, 6, 9), DayKind.HOLIDAY, "测试假日")));
        assertThat(configured.due(calendar, monday, LocalDate.of(2026, 6, 8), List.of()))
                .isEqualTo(new ObjectionDeadlines.Due(LocalDate.of(2026, 6, 11), LocalDate.of(2026, 6, 10)));
    }

    /**
     * Survivors of the mutation run (gaps review xxxvii-tests Q8): the cap on the department's answer is the working day
     * before the case is due, skipping the rest days before it. Received Thursday 4 June, the case is due Monday 15 June;
     * routed Thursday 11 June, the department's 3 days would end Tuesday 16: capped at Friday 12, not Sunday 14.
     */
    @Test
    void theDepartmentsCapSkipsTheRestDaysBeforeTheCasesDeadline() {
        assertThat(deadlines.due(plain, LocalDate.of(2026, 6, 4), LocalDate.of(2026, 6, 11), List.of()))
                .isEqualTo(new ObjectionDeadlines.Due(LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 12)));
    }

    /**
     * Survivors of the mutation run (Q8): each setting's bound is allowed — one day each, a deadline equal to the one it
     * may not exceed, 14 working days within the 20 calendar days' ceiling — and one past it refused.
     */
    @Test
    void settingsAtTheirBoundsAreAcceptedAndOnePastThemRefused() {
        assertThat(new ObjectionDeadlines(1, 1, 1, 2, 1)).isNotNull();
        assertThat(new ObjectionDeadlines(3, 3, 14, 20, 1).withDepartmentDays()).isEqualTo(14);
        assertThatThrownBy(() -> new ObjectionDeadlines(3, 3, 15, 20, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit within ceiling-days (20");
        assertThatThrownBy(() -> new ObjectionDeadlines(1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }

    /** A case past the platform's own deadline is no longer routed (which would make it "in time" again). */
    @Test
    void aCaseIsRoutableUpToThePlatformsDeadlineOnly() {
        LocalDate due = LocalDate.of(2026, 6, 4);
        assertThat(ObjectionDeadlines.routable(LocalDate.of(2026, 6, 1), due)).isTrue();
        assertThat(ObjectionDeadlines.routable(due, due)).isTrue();
        assertThat(ObjectionDeadlines.routable(LocalDate.of(2026, 6, 5), due)).isFalse();
    }
}
