package cn.chengxin.shared.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A period's days not kept, as the fewest ranges counted live (gaps review xxxv P2). */
class KeptDaysTests {

    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);

    @Test
    void theDaysNotKeptAreTheFewestRangesAroundTheKeptOnes() {
        assertThat(KeptDays.notKept(D1, D1.plusDays(9), List.of(D1.plusDays(2), D1.plusDays(3), D1.plusDays(7))))
                .containsExactly(new KeptDays.DayRange(D1, D1.plusDays(1)),
                        new KeptDays.DayRange(D1.plusDays(4), D1.plusDays(6)),
                        new KeptDays.DayRange(D1.plusDays(8), D1.plusDays(9)));
    }

    @Test
    void aPeriodAllKeptCountsNothingLiveAndOneNeverKeptIsCountedWhole() {
        assertThat(KeptDays.notKept(D1, D1.plusDays(1), List.of(D1, D1.plusDays(1), D1.plusDays(5)))).isEmpty();
        assertThat(KeptDays.notKept(D1, D1.plusDays(30), List.of(D1.minusDays(1))))
                .containsExactly(new KeptDays.DayRange(D1, D1.plusDays(30)));
    }

    @Test
    void eachDayNotKeptIsKeptOnceInOrder() {
        List<LocalDate> asked = new ArrayList<>();
        List<LocalDate> done = KeptDays.keepEach(D1, D1.plusDays(4), List.of(D1.plusDays(1)), day -> {
            asked.add(day);
            return !day.equals(D1.plusDays(3)); // kept meanwhile by another instance
        });
        assertThat(asked).containsExactly(D1, D1.plusDays(2), D1.plusDays(3), D1.plusDays(4));
        assertThat(done).containsExactly(D1, D1.plusDays(2), D1.plusDays(4));
    }

    @Test
    void onlyClosedDaysAreKeptTodayAndLaterNever() {
        assertThat(KeptDays.closed(D1, D1.plusDays(9), D1.plusDays(5)))
                .contains(new KeptDays.DayRange(D1, D1.plusDays(4)));
        assertThat(KeptDays.closed(D1, D1.plusDays(2), D1.plusDays(5)))
                .contains(new KeptDays.DayRange(D1, D1.plusDays(2)));
        assertThat(KeptDays.closed(D1, D1.plusDays(9), D1)).isEmpty();
    }
}
