package cn.chengxin.ingestion.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionNumbersTests {

    @Test
    void aNumberIsStoredWithoutSurroundingSpace() {
        assertThat(DecisionNumbers.normalised("\u3000 驻市监罚〔2026〕7号 ")).isEqualTo("驻市监罚〔2026〕7号");
        assertThat(DecisionNumbers.normalised("  ")).isNull();
        assertThat(DecisionNumbers.check(" 驻市监罚〔2026〕7号 ")).isEmpty();
        assertThat(DecisionNumbers.check(null)).isEmpty();
    }

    @Test
    void aNumberLongerThanTheLimitIsRefused() {
        assertThat(DecisionNumbers.check("罚".repeat(DecisionNumbers.MAX_LENGTH))).isEmpty();
        assertThat(DecisionNumbers.check("罚".repeat(DecisionNumbers.MAX_LENGTH + 1)))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("DECISION_NUMBER_TOO_LONG"));
    }

    @Test
    void anIdentityNumberTypedIntoItIsRefused() {
        assertThat(DecisionNumbers.check("驻执11010519491231002X号"))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("FORBIDDEN_CONTENT"));
    }
}
