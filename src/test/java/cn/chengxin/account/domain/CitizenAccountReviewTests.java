package cn.chengxin.account.domain;

import cn.chengxin.account.domain.CitizenAccountReview.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CitizenAccountReviewTests {

    @Test
    void onlyAnotherStaffMemberDecides() {
        assertThat(CitizenAccountReview.mayDecide("a0c1", "b7e2")).isTrue();
        assertThat(CitizenAccountReview.mayDecide("a0c1", "a0c1")).isFalse();
    }

    @Test
    void suspendingAndResumingFollowTheState() {
        assertThat(CitizenAccountReview.appliesTo(Action.SUSPEND, false)).isTrue();
        assertThat(CitizenAccountReview.appliesTo(Action.SUSPEND, true)).isFalse();
        assertThat(CitizenAccountReview.appliesTo(Action.RESUME, true)).isTrue();
        assertThat(CitizenAccountReview.appliesTo(Action.RESUME, false)).isFalse();
    }

    /** Gaps review xxix K4: a person's own account gets their new phone whatever its state, as unbinding applies. */
    @Test
    void aNewPhoneMayBeBoundToAnyAccount() {
        assertThat(CitizenAccountReview.appliesTo(Action.REBIND_PHONE, false)).isTrue();
        assertThat(CitizenAccountReview.appliesTo(Action.REBIND_PHONE, true)).isTrue();
        assertThat(CitizenAccountReview.appliesTo(Action.UNBIND, true)).isTrue();
    }

    @Test
    void onlyRebindingNeedsANewPhone() {
        assertThat(CitizenAccountReview.needsNewPhone(Action.REBIND_PHONE)).isTrue();
        assertThat(CitizenAccountReview.needsNewPhone(Action.UNBIND)).isFalse();
        assertThat(CitizenAccountReview.needsNewPhone(Action.SUSPEND)).isFalse();
        assertThat(CitizenAccountReview.needsNewPhone(Action.RESUME)).isFalse();
    }
}
