package cn.chengxin.ingestion.domain;

import java.util.Optional;

import cn.chengxin.creditfile.RecordAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationReasonsTests {

    private static final Optional<RecordAction> REVOKE = Optional.of(RecordAction.REVOKE);

    @Test
    void aRevocationMayGiveAReasonWithinTheLimitStoredWithoutSurroundingSpace() {
        assertThat(RevocationReasons.normalised(" 原处罚决定已被复议撤销\u3000")).isEqualTo("原处罚决定已被复议撤销");
        assertThat(RevocationReasons.check(REVOKE, "原处罚决定已被复议撤销")).isEmpty();
        assertThat(RevocationReasons.check(REVOKE, "撤".repeat(RevocationReasons.MAX_LENGTH))).isEmpty();
        assertThat(RevocationReasons.check(REVOKE, "撤".repeat(RevocationReasons.MAX_LENGTH + 1)))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("REVOCATION_REASON_TOO_LONG"));
    }

    @Test
    void aReasonHoldingWhatThePlatformMustNotTakeInIsRefused() {
        assertThat(RevocationReasons.check(REVOKE, "当事人患有糖尿病，不予处罚"))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("FORBIDDEN_CONTENT"));
    }

    @Test
    void aReasonOnARowThatAddsOrCorrectsIsRefusedAndNoReasonIsNothingToCheck() {
        assertThat(RevocationReasons.check(Optional.of(RecordAction.ADD), "误报"))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("REVOCATION_REASON_WITHOUT_REVOKE"));
        assertThat(RevocationReasons.check(Optional.of(RecordAction.UPDATE), "误报")).isPresent();
        assertThat(RevocationReasons.check(Optional.empty(), "误报")).as("an unknown action is its own problem")
                .isEmpty();
        assertThat(RevocationReasons.check(Optional.of(RecordAction.ADD), " ")).isEmpty();
        assertThat(RevocationReasons.check(Optional.of(RecordAction.ADD), null)).isEmpty();
    }
}
