package cn.chengxin.catalog.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aProposalSaysWhyTheItemGoes() {
        assertThat(codes(Withdrawal.forProposal("目录修订后不再列入", "《某市公共信用信息补充目录（2026年版）》", null)))
                .containsExactly("WITHDRAWAL_KIND_MISSING");
        assertThat(Withdrawal.forProposal("所依据的条例已废止", "《某省人大常委会关于废止〈某条例〉的决定》",
                Withdrawal.Kind.BASIS_REVOKED)).isEmpty();
        assertThat(Withdrawal.forProposal("所依据的条例已废止", " ", Withdrawal.Kind.BASIS_REVOKED))
                .extracting(ItemRules.Violation::code, ItemRules.Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WITHDRAWAL_BASIS_MISSING",
                        "依据废止/失效的，须写明废止或宣布失效的文件（文号或名称）"));
    }

    @Test
    void onlyARevokedBasisWithdrawsTheRecordsDeliveredUnderTheItem() {
        // RULES.md §5 (Henan Art. 42): information whose legal basis was revoked is withdrawn; a revision keeps it (§4).
        assertThat(new Withdrawal("所依据的条例已废止", "《关于废止〈某条例〉的决定》", Withdrawal.Kind.BASIS_REVOKED)
                .withdrawsRecords()).isTrue();
        assertThat(new Withdrawal("目录修订后不再列入", "《补充目录（2026年版）》", Withdrawal.Kind.REVISION)
                .withdrawsRecords()).isFalse();
        assertThat(new Withdrawal("目录修订后不再列入", "《补充目录（2026年版）》").kind())
                .as("a withdrawal stored before the kind was asked").isEqualTo(Withdrawal.Kind.REVISION);
    }

    @Test
    void eachWithdrawnRecordNamesTheDocumentThatRevokedItsBasis() {
        Withdrawal revoked = new Withdrawal("所依据的条例已废止", " 《关于废止〈某条例〉的决定》 ",
                Withdrawal.Kind.BASIS_REVOKED);
        assertThat(revoked.recordRevocationReason()).contains("《关于废止〈某条例〉的决定》").contains("废止或失效")
                .doesNotStartWith(" ");
        assertThatThrownBy(() -> new Withdrawal("目录修订后不再列入", "《补充目录》", Withdrawal.Kind.REVISION)
                .recordRevocationReason()).isInstanceOf(IllegalStateException.class);
    }
}
