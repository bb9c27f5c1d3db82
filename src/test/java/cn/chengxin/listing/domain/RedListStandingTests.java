package cn.chengxin.listing.domain;

import java.time.LocalDate;
import java.util.Set;

import cn.chengxin.listing.ListType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md §7 and the red rules' exit condition "出现失信记录即移出". */
class RedListStandingTests {

    private static final LocalDate BEGAN = LocalDate.of(2026, 11, 2);

    @Test
    void aSubjectOnTheBlackOrGreyListIsNotProposedForTheRedList() {
        assertThat(RedListStanding.barredBy(Set.of(ListType.BLACK))).isTrue();
        assertThat(RedListStanding.barredBy(Set.of(ListType.GREY, ListType.RED))).isTrue();
        assertThat(RedListStanding.barredBy(Set.of(ListType.RED))).isFalse();
        assertThat(RedListStanding.barredBy(Set.of())).isFalse();
    }

    @Test
    void aNegativeRecordDecidedOnOrAfterTheDayARedEntryBeganEndsIt() {
        assertThat(RedListStanding.endedBy(BEGAN, BEGAN.plusDays(3))).isTrue();
        assertThat(RedListStanding.endedBy(BEGAN, BEGAN)).as("the same day: the red list errs on not rewarding")
                .isTrue();
        assertThat(RedListStanding.endedBy(BEGAN, BEGAN.minusDays(1))).isFalse();
        assertThat(RedListStanding.endedBy(BEGAN, null)).isFalse();
    }

    @Test
    void aGoodRecordOlderThanTheLastNegativeRecordProposesNothingAgain() {
        LocalDate commended = LocalDate.of(2026, 5, 1);
        assertThat(RedListStanding.outweighs(commended.plusMonths(1), commended)).isTrue();
        assertThat(RedListStanding.outweighs(commended.minusYears(1), commended)).isFalse();
        assertThat(RedListStanding.outweighs(null, commended)).isFalse();
    }
}
