package cn.chengxin.catalog.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WithdrawalTests {

    private static List<String> codes(List<ItemRules.Violation> violations) {
        return violations.stream().map(ItemRules.Violation::code).toList();
    }

    @Test
    void aProposalStatesWhyAndTheDocumentThatRevisedTheCatalogue() {
        assertThat(Withdrawal.forProposal("目录修订后不再列入", "《某市公共信用信息补充目录（2026年版）》")).isEmpty();
        assertThat(codes(Withdrawal.forProposal(null, null)))
                .containsExactly("WITHDRAWAL_REASON_MISSING", "WITHDRAWAL_BASIS_MISSING");
        assertThat(codes(Withdrawal.forProposal("  不要 ", "   ")))
                .containsExactly("WITHDRAWAL_REASON_MISSING", "WITHDRAWAL_BASIS_MISSING");
    }

    @Test
    void aProposalIsReadableNotAFile() {
        assertThat(codes(Withdrawal.forProposal("理".repeat(Withdrawal.LONGEST_REASON + 1),
                "据".repeat(Withdrawal.LONGEST_BASIS + 1))))
                .containsExactly("WITHDRAWAL_REASON_TOO_LONG", "WITHDRAWAL_BASIS_TOO_LONG");
        assertThat(Withdrawal.forProposal("理".repeat(Withdrawal.LONGEST_REASON),
                "据".repeat(Withdrawal.LONGEST_BASIS))).isEmpty();
    }

    @Test
    void aWithdrawnItemTakesCorrectionsAndRevocationsButNoNewRecord() {
        assertThat(Withdrawal.takes(true)).as("a new record").isFalse();
        assertThat(Withdrawal.takes(false)).as("a correction or revocation of a delivered record").isTrue();
    }
}
