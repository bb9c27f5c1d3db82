package cn.chengxin.catalog.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FourEyesTests {

    @Test
    void whoeverWroteOrSubmittedAVersionMayNotApproveIt() {
        List<String> editors = List.of("maker", "rewriter");
        assertThat(FourEyes.mayApprove("maker", "maker", "maker", editors)).isFalse();
        assertThat(FourEyes.mayApprove("rewriter", "maker", "maker", editors)).isFalse();
        assertThat(FourEyes.mayApprove("submitter", "maker", "submitter", editors)).isFalse();
        assertThat(FourEyes.mayApprove("checker", "maker", "submitter", editors)).isTrue();
    }

    @Test
    void theProposerOfAWithdrawalMayNotApproveIt() {
        assertThat(FourEyes.mayApprove("proposer", "proposer", "proposer", List.of("proposer"))).isFalse();
        assertThat(FourEyes.mayApprove("checker", "proposer", "proposer", List.of("proposer"))).isTrue();
    }
}
