package cn.chengxin.objection.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTests {

    @Test
    void anObjectionEndedWithItsOriginIsNoDecisionTheOfficeChooses() {
        assertThat(Outcome.decisions()).doesNotContain(Outcome.ENDED_WITH_ORIGIN)
                .containsExactly(Outcome.DELETE, Outcome.CORRECT, Outcome.SUPPLEMENT, Outcome.STOP_DISPLAY,
                        Outcome.REMOVE_FROM_LIST, Outcome.UPHOLD);
        assertThat(Outcome.ENDED_WITH_ORIGIN.decidable()).isFalse();
    }

    /** A case ended by its department's revocation is no decision either: nothing to choose, nothing to review. */
    @Test
    void anObjectionEndedByItsDepartmentsRevocationIsNoDecisionTheOfficeChooses() {
        assertThat(Outcome.decisions()).doesNotContain(Outcome.REVOKED_BY_DEPARTMENT);
        assertThat(Outcome.entryDecisions()).doesNotContain(Outcome.REVOKED_BY_DEPARTMENT);
        assertThat(Outcome.REVOKED_BY_DEPARTMENT.decidable()).isFalse();
        assertThat(Outcome.REVOKED_BY_DEPARTMENT.endsDisplay()).as("the department's revocation did").isFalse();
    }

    @Test
    void anObjectionEndedWithItsOriginLeavesTheRecordAndItsEntriesAsTheOriginsDecisionLeftThem() {
        assertThat(Outcome.ENDED_WITH_ORIGIN.endsDisplay()).isFalse();
        assertThat(Outcome.ENDED_WITH_ORIGIN.endsListEntries()).isFalse();
    }

    /** Issue #8: nothing corrects a list entry, so an entry case is never decided as 更正 or 补充. */
    @Test
    void anEntryCaseIsDecidedByNoOutcomeThatAwaitsACorrection() {
        assertThat(Outcome.entryDecisions()).containsExactly(Outcome.DELETE, Outcome.STOP_DISPLAY,
                Outcome.REMOVE_FROM_LIST, Outcome.UPHOLD);
        assertThat(Outcome.CORRECT.forEntries()).isFalse();
        assertThat(Outcome.SUPPLEMENT.forEntries()).isFalse();
        assertThat(Outcome.ENDED_WITH_ORIGIN.forEntries()).isFalse();
    }

    /** Finding L7: 异议成立 counts a record the department revoked itself while the case was open, as one deleted. */
    @Test
    void aRecordRevokedByItsDepartmentDuringTheCaseIsFoundWrongAndAKeptOrExpiredOneIsNot() {
        assertThat(Outcome.findingRecordWrong()).containsExactly("DELETE", "CORRECT", "SUPPLEMENT",
                "REVOKED_BY_DEPARTMENT");
        assertThat(Outcome.UPHOLD.findsRecordWrong()).isFalse();
        assertThat(Outcome.STOP_DISPLAY.findsRecordWrong()).isFalse();
        assertThat(Outcome.ENDED_WITH_ORIGIN.findsRecordWrong()).isFalse();
    }
}
