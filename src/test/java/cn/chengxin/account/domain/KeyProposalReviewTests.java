package cn.chengxin.account.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyProposalReviewTests {

    @Test
    void anotherAdministratorMayDecide() {
        assertThat(KeyProposalReview.mayDecide("a0c1", "b7e2")).isTrue();
    }

    @Test
    void theProposerMayNotDecideTheirOwnProposal() {
        assertThat(KeyProposalReview.mayDecide("a0c1", "a0c1")).isFalse();
    }
}
