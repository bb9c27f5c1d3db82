package cn.chengxin.scoring.domain;

import java.time.LocalDate;
import java.util.List;

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
    void refusesADeadlineOfNoDayOrBeyondTheTwentyDayCeiling() {
        assertThatThrownBy(() -> new ReviewDeadline(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewDeadline(15)).hasMessageContaining("20-day ceiling");
        assertThat(new ReviewDeadline(14).workingDays()).isEqualTo(14);
    }
}
