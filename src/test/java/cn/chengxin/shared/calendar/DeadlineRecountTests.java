package cn.chengxin.shared.calendar;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored deadline recounted under a proposed calendar, only when its window contains a changed day (H9). */
class DeadlineRecountTests {

    /** Monday 2 March 2099, an ordinary week. */
    private static final LocalDate MONDAY = LocalDate.of(2099, 3, 2);
    private static final WorkingCalendar ORDINARY = new WorkingCalendar(List.of());

    @Test
    void aHolidayInsideTheWindowMovesTheDeadlineByADay() {
        LocalDate wednesday = MONDAY.plusDays(2);
        WorkingCalendar proposed = ORDINARY.changed(wednesday, wednesday, DayKind.HOLIDAY);
        LocalDate stored = MONDAY.plusDays(3); // 3 working days from Monday: Thursday

        assertThat(DeadlineRecount.recount(ORDINARY, proposed, MONDAY, stored, wednesday, wednesday))
                .contains(MONDAY.plusDays(4));
    }

    @Test
    void aChangeAfterTheDeadlineOrBeforeItsStartReachesNothing() {
        LocalDate nextMonday = MONDAY.plusDays(7);
        WorkingCalendar proposed = ORDINARY.changed(nextMonday, nextMonday, DayKind.HOLIDAY);

        assertThat(DeadlineRecount.recount(ORDINARY, proposed, MONDAY, MONDAY.plusDays(3), nextMonday, nextMonday))
                .isEmpty();
        assertThat(DeadlineRecount.recount(ORDINARY, proposed, MONDAY.plusDays(8), MONDAY.plusDays(10),
                nextMonday, nextMonday)).isEmpty();
    }

    @Test
    void anAdjustedSaturdayShortensAndMakingItOrdinaryAgainUndoesIt() {
        LocalDate saturday = MONDAY.plusDays(5);
        WorkingCalendar adjusted = ORDINARY.changed(saturday, saturday, DayKind.ADJUSTED_WORKDAY);
        LocalDate stored = MONDAY.plusDays(7); // 5 working days from Monday: next Monday

        assertThat(DeadlineRecount.recount(ORDINARY, adjusted, MONDAY, stored, saturday, saturday))
                .contains(saturday);
        assertThat(adjusted.changed(saturday, saturday, null).isWorkingDay(saturday)).isFalse();
    }
}
