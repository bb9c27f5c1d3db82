package cn.chengxin.oversight.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 异议成立比例 (finding L7; 驻马店 四(二) 错误记录的责任追究) and the credit office's threshold for flagging it. */
class UpheldShareTests {

    private static final UpheldShare.Threshold DEFAULT = new UpheldShare.Threshold(UpheldShare.DEFAULT_PERCENT,
            UpheldShare.DEFAULT_MINIMUM_DECIDED);

    @Test
    void aShareAboveTheThresholdOfEnoughCasesIsFlagged() {
        assertThat(UpheldShare.of(6, 3, DEFAULT)).isEqualTo(new UpheldShare(500, true));
        assertThat(UpheldShare.of(10, 3, DEFAULT).flagged()).isTrue();
    }

    @Test
    void aShareAtTheThresholdIsNotAboveIt() {
        assertThat(UpheldShare.of(5, 1, DEFAULT)).isEqualTo(new UpheldShare(200, false));
        assertThat(UpheldShare.of(1000, 201, DEFAULT).flagged()).isTrue();
    }

    @Test
    void tooFewCasesAreShownButNotFlagged() {
        assertThat(UpheldShare.of(2, 2, DEFAULT)).isEqualTo(new UpheldShare(1000, false));
        assertThat(UpheldShare.of(2, 2, new UpheldShare.Threshold(20, 2)).flagged()).isTrue();
    }

    @Test
    void nothingDecidedHasNoShare() {
        assertThat(UpheldShare.of(0, 0, DEFAULT)).isEqualTo(new UpheldShare(null, false));
    }

    @Test
    void theShareIsRoundedHalfUpInThousandths() {
        assertThat(UpheldShare.of(3, 1, DEFAULT).perMille()).isEqualTo(333);
        assertThat(UpheldShare.of(3, 2, DEFAULT).perMille()).isEqualTo(667);
        assertThat(UpheldShare.of(2000, 1, DEFAULT).perMille()).isEqualTo(1);
    }

    @Test
    void aThresholdOutOfRangeIsBroughtWithinIt() {
        assertThat(new UpheldShare.Threshold(150, 0)).isEqualTo(new UpheldShare.Threshold(100, 1));
        assertThat(UpheldShare.of(1, 1, new UpheldShare.Threshold(150, 0)).flagged()).isFalse();
    }
}
