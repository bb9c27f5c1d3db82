package cn.chengxin.portal.tipoff.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** F6: the finding a resolved tip-off about a red-list candidate in public notice must carry, and only then. */
class TipOffFindingTests {

    @Test
    void aFindingIsRequiredToResolveATipOffAboutARedCandidateAndGivenOnlyOnResolving() {
        assertThat(TipOffFinding.problem(TipOffStatus.RESOLVED, null, true)).isPresent();
        assertThat(TipOffFinding.problem(TipOffStatus.RESOLVED, TipOffFinding.FOUNDED, true)).isEmpty();
        assertThat(TipOffFinding.problem(TipOffStatus.RESOLVED, null, false)).isEmpty();
        assertThat(TipOffFinding.problem(TipOffStatus.ACCEPTED, TipOffFinding.UNFOUNDED, true)).isPresent();
        assertThat(TipOffFinding.problem(TipOffStatus.REJECTED, null, true)).isEmpty();
    }
}
