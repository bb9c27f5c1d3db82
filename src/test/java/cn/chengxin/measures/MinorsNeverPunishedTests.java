package cn.chengxin.measures;

import java.time.LocalDate;

import cn.chengxin.listing.ListType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md §6: the age at the act decides, not the age at the check. */
class MinorsNeverPunishedTests {

    private static final LocalDate BORN = LocalDate.of(2007, 6, 1);

    @Test
    void anAdultNowListedForAnActDoneAsAMinorCarriesNoMeasure() {
        assertThat(MinorsNeverPunished.minorAt(ListType.BLACK, BORN, LocalDate.of(2025, 5, 31))).isTrue();
        assertThat(MinorsNeverPunished.minorAt(ListType.GREY, BORN, LocalDate.of(2020, 1, 1))).isTrue();
    }

    @Test
    void onePastEighteenAtTheActKeepsTheEntryAndTheRedListRewardsMinors() {
        assertThat(MinorsNeverPunished.minorAt(ListType.BLACK, BORN, LocalDate.of(2025, 6, 1)))
                .as("18 on the day of the act").isFalse();
        assertThat(MinorsNeverPunished.minorAt(ListType.RED, BORN, LocalDate.of(2020, 1, 1))).isFalse();
        assertThat(MinorsNeverPunished.minorAt(ListType.BLACK, null, LocalDate.of(2020, 1, 1)))
                .as("no birth date on the number: as listing decided").isFalse();
    }
}
