package cn.chengxin.scoring.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #6 (J5): which grade changes the person is told of, by the model's bands. */
class GradeDropTests {

    private static final List<GradeBand> BANDS = ScoreModel.weihai().grades();

    @Test
    void aLowerBandOrAnEndedGradeIsToldAFirstAnUnchangedOrAHigherOneIsNot() {
        assertThat(GradeDrop.of(BANDS, "AA", "B")).isEqualTo(GradeDrop.DROPPED);
        assertThat(GradeDrop.of(BANDS, "A", null)).isEqualTo(GradeDrop.LOST);
        assertThat(GradeDrop.of(BANDS, null, "D")).as("a first grade").isEqualTo(GradeDrop.NONE);
        assertThat(GradeDrop.of(BANDS, "B", "B")).isEqualTo(GradeDrop.NONE);
        assertThat(GradeDrop.of(BANDS, "B", "AA")).isEqualTo(GradeDrop.NONE);
        assertThat(GradeDrop.of(BANDS, "X", "B")).as("a grade the model does not know").isEqualTo(GradeDrop.NONE);
        assertThat(GradeDrop.of(BANDS, null, null)).isEqualTo(GradeDrop.NONE);
    }

    @Test
    void aGradeIsNamedByItsLabelInTheModel() {
        assertThat(GradeDrop.label(BANDS, "B")).isEqualTo("B 级（诚信警示）");
        assertThat(GradeDrop.label(BANDS, "X")).isEqualTo("X");
    }
}
