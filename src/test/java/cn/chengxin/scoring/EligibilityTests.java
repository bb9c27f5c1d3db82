package cn.chengxin.scoring;

import java.util.List;
import java.util.UUID;

import cn.chengxin.listing.ListType;
import cn.chengxin.scoring.persistence.JdbcScores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES.md §7: no incentive for anyone under 失信惩戒 — a black or a grey entry in force withholds every 信用惠民
 * benefit, by grade and by the red list alike, as the joint-measures checks withhold incentives (gaps review xxiv G7).
 */
class EligibilityTests {

    private static final JdbcScores.Benefit BY_GRADE = new JdbcScores.Benefit("LIBRARY", "免押金", "图书馆",
            List.of("AAA", "AA"), "借阅", null, List.of(UUID.randomUUID()));
    private static final JdbcScores.Benefit BY_RED_LIST = new JdbcScores.Benefit("GREEN", "绿色通道", "政务中心",
            List.of(), "政务", "RED", List.of());

    @Test
    void theGreyAndBlackListsWithholdIncentivesAndTheRedListDoesNot() {
        assertThat(ListType.GREY.withholdsIncentives()).isTrue();
        assertThat(ListType.BLACK.withholdsIncentives()).isTrue();
        assertThat(ListType.RED.withholdsIncentives()).isFalse();
    }

    @Test
    void aBenefitIsGrantedByGradeOrRedListUnlessWithheld() {
        Scoring.Eligibility aa = new Scoring.Eligibility(false, false, "AA", false);
        assertThat(aa.grants(BY_GRADE)).isTrue();
        assertThat(aa.grants(BY_RED_LIST)).isFalse();
        assertThat(new Scoring.Eligibility(false, true, null, false).grants(BY_RED_LIST)).isTrue();
        assertThat(new Scoring.Eligibility(false, false, "B", false).grants(BY_GRADE)).isFalse();

        // A grey (or black) entry in force: nothing, however good the grade, whatever red entry the subject also has.
        Scoring.Eligibility withheld = new Scoring.Eligibility(true, true, "AAA", false);
        assertThat(withheld.grants(BY_GRADE)).isFalse();
        assertThat(withheld.grants(BY_RED_LIST)).isFalse();
        assertThat(Scoring.Eligibility.NONE.grants(BY_GRADE)).isFalse();
    }
}
