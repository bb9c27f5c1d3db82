package cn.chengxin.shared.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar as it was known at an instant (H9 of gaps-review-xxv): later changes undone, in order. */
class CalendarHistoryTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Friday 8 March 2019, an ordinary working day until it was corrected. */
    private static final LocalDate FRIDAY = LocalDate.of(2019, 3, 8);
    private static final LocalDate SATURDAY = FRIDAY.plusDays(1);
    private static final Instant MARCH = Instant.parse("2019-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2019-04-01T00:00:00Z");
    private static final Instant MAY = Instant.parse("2019-05-01T00:00:00Z");

    @Test
    void aDayMadeAHolidayLaterIsAWorkingDayAsKnownBefore() {
        CalendarHistory history = new CalendarHistory(List.of(holiday(FRIDAY)),
                List.of(new CalendarHistory.Change(FRIDAY, null, APRIL)), CHINA);

        assertThat(history.current().isWorkingDay(FRIDAY)).isFalse();
        assertThat(history.asKnownAt(MARCH).isWorkingDay(FRIDAY)).isTrue();
        assertThat(history.asKnownAt(APRIL).isWorkingDay(FRIDAY)).as("known from the instant it changed").isFalse();
        assertThat(history.asKnownAt(MAY).isWorkingDay(FRIDAY)).isFalse();
        assertThat(history.asKnownAt(MARCH).isScheduled(2019)).as("nothing of 2019 was entered then").isFalse();
    }

    @Test
    void aDayClearedLaterKeepsItsFormerStateAsKnownBefore() {
        CalendarHistory history = new CalendarHistory(List.of(),
                List.of(new CalendarHistory.Change(SATURDAY, adjusted(SATURDAY), APRIL)), CHINA);

        assertThat(history.current().isWorkingDay(SATURDAY)).isFalse();
        assertThat(history.asKnownAt(MARCH).isWorkingDay(SATURDAY)).as("an adjusted working day then").isTrue();
    }

    @Test
    void aDayChangedTwiceIsAsEachChangeLeftIt() {
        // Ordinary until April, a holiday in April, cleared again in May: given in any order, undone latest first.
        CalendarHistory history = new CalendarHistory(List.of(),
                List.of(new CalendarHistory.Change(FRIDAY, holiday(FRIDAY), MAY),
                        new CalendarHistory.Change(FRIDAY, null, APRIL)), CHINA);

        assertThat(history.asKnownAt(MARCH).isWorkingDay(FRIDAY)).isTrue();
        assertThat(history.asKnownAt(APRIL.plusSeconds(60)).isWorkingDay(FRIDAY)).isFalse();
        assertThat(history.current().isWorkingDay(FRIDAY)).isTrue();
        assertThat(history.asKnownAt(MARCH)).as("each version is built once").isSameAs(history.asKnownAt(MARCH));
    }

    @Test
    void aDeadlineIsCountedWithTheCalendarKnownAtTheEndOfItsFirstDay() {
        Instant changed = FRIDAY.atTime(15, 0).atZone(CHINA).toInstant();
        CalendarHistory history = new CalendarHistory(List.of(holiday(FRIDAY)),
                List.of(new CalendarHistory.Change(FRIDAY, null, changed)), CHINA);

        assertThat(history.whenCounted(FRIDAY.minusDays(1)).plusWorkingDays(FRIDAY.minusDays(1), 1))
                .as("counted from Thursday: the change came the day after").isEqualTo(FRIDAY);
        assertThat(history.whenCounted(FRIDAY).isWorkingDay(FRIDAY))
                .as("counted from Friday: known by its end").isFalse();
    }

    private static CalendarDay holiday(LocalDate day) {
        return new CalendarDay(day, DayKind.HOLIDAY, "测试假日");
    }

    private static CalendarDay adjusted(LocalDate day) {
        return new CalendarDay(day, DayKind.ADJUSTED_WORKDAY, "测试假日");
    }
}
