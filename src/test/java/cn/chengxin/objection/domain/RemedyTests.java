package cn.chengxin.objection.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** L3 of gaps-review-xxx: which decided objections the notice tells a remedy for. */
class RemedyTests {

    @Test
    void anObjectionNotGrantedInFullMayBeReviewedOnceThenOnlyAppealed() {
        assertThat(Remedy.of(Outcome.UPHOLD, false, false)).isEqualTo(Remedy.REVIEW_OR_APPEAL);
        assertThat(Remedy.of(Outcome.CORRECT, false, false)).isEqualTo(Remedy.REVIEW_OR_APPEAL);
        assertThat(Remedy.of(Outcome.UPHOLD, true, false)).isEqualTo(Remedy.REVIEW_OR_APPEAL);
        assertThat(Remedy.of(Outcome.UPHOLD, false, true)).isEqualTo(Remedy.APPEAL);
    }

    @Test
    void anObjectionGrantedInFullOrEndedWithoutADecisionHasNone() {
        assertThat(Remedy.of(Outcome.DELETE, false, false)).isEqualTo(Remedy.NONE);
        assertThat(Remedy.of(Outcome.STOP_DISPLAY, false, true)).isEqualTo(Remedy.NONE);
        assertThat(Remedy.of(Outcome.REMOVE_FROM_LIST, false, false)).isEqualTo(Remedy.NONE);
        assertThat(Remedy.of(Outcome.SUPPLEMENT, true, false)).isEqualTo(Remedy.NONE);
        assertThat(Remedy.of(Outcome.ENDED_WITH_ORIGIN, false, false)).isEqualTo(Remedy.NONE);
        assertThat(Remedy.of(Outcome.REVOKED_BY_DEPARTMENT, false, false)).isEqualTo(Remedy.NONE);
    }
}
