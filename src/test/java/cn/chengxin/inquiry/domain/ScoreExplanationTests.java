package cn.chengxin.inquiry.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.inquiry.domain.ScoreExplanation.DimensionLine;
import cn.chengxin.scoring.domain.Contribution;
import cn.chengxin.scoring.domain.DimensionScore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreExplanationTests {

    private static final UUID PENALTY = UUID.randomUUID();
    private static final UUID ARREARS = UUID.randomUUID();
    private static final UUID VOLUNTEERING = UUID.randomUUID();

    /** 遵纪守法 holds a shown penalty (−8) and unshown arrears (−12); 社会公益 a shown volunteering (+5). */
    private static final List<DimensionScore> DIMENSIONS = List.of(
            new DimensionScore("LAW", "遵纪守法", -20, 100, false),
            new DimensionScore("PUBLIC_GOOD", "社会公益", 5, 100, false),
            new DimensionScore("COMMERCE", "商务诚信", 0, 100, false));
    private static final List<Contribution> CONTRIBUTIONS = List.of(
            contribution(PENALTY, "行政处罚信息（一般）", "LAW", -8),
            contribution(ARREARS, "欠缴税款信息", "LAW", -12),
            contribution(VOLUNTEERING, "志愿服务信息", "PUBLIC_GOOD", 5));

    @Test
    void aDimensionCountsOnlyTheRecordsShownAndTheRestIsSummedOutsideAnyDimension() {
        ScoreExplanation explanation = ScoreExplanation.of(DIMENSIONS, CONTRIBUTIONS, Set.of(PENALTY, VOLUNTEERING));

        assertThat(explanation.dimensions()).containsExactly(new DimensionLine("遵纪守法", -8),
                new DimensionLine("社会公益", 5), new DimensionLine("商务诚信", 0));
        assertThat(explanation.contributions()).extracting(Contribution::recordKey)
                .containsExactly(PENALTY, VOLUNTEERING);
        assertThat(explanation.notShownPoints()).isEqualTo(-12);
        int printed = explanation.dimensions().stream().mapToInt(DimensionLine::points).sum()
                + explanation.notShownPoints();
        assertThat(printed).as("adds up to the real dimensions")
                .isEqualTo(DIMENSIONS.stream().mapToInt(DimensionScore::points).sum());
    }

    @Test
    void aDimensionWhoseRecordsAreAllLeftOutShowsNothingMovedIt() {
        ScoreExplanation explanation = ScoreExplanation.of(DIMENSIONS, CONTRIBUTIONS, Set.of(VOLUNTEERING));

        assertThat(explanation.dimensions()).containsExactly(new DimensionLine("遵纪守法", 0),
                new DimensionLine("社会公益", 5), new DimensionLine("商务诚信", 0));
        assertThat(explanation.notShownPoints()).isEqualTo(-20);
    }

    @Test
    void everythingShownPrintsTheDimensionsAsScoredAndNoSum() {
        ScoreExplanation explanation = ScoreExplanation.of(DIMENSIONS, CONTRIBUTIONS,
                Set.of(PENALTY, ARREARS, VOLUNTEERING));

        assertThat(explanation.dimensions()).containsExactly(new DimensionLine("遵纪守法", -20),
                new DimensionLine("社会公益", 5), new DimensionLine("商务诚信", 0));
        assertThat(explanation.contributions()).hasSize(3);
        assertThat(explanation.notShownPoints()).isNull();
    }

    @Test
    void recordsLeftOutThatOffsetEachOtherPrintNoSum() {
        UUID reward = UUID.randomUUID();
        List<Contribution> offsetting = List.of(contribution(PENALTY, "行政处罚信息（一般）", "LAW", -8),
                contribution(ARREARS, "欠缴税款信息", "LAW", -5),
                contribution(reward, "行政奖励信息", "PUBLIC_GOOD", 5));

        ScoreExplanation explanation = ScoreExplanation.of(DIMENSIONS, offsetting, Set.of(PENALTY));

        assertThat(explanation.notShownPoints()).isNull();
        assertThat(explanation.dimensions()).containsExactly(new DimensionLine("遵纪守法", -8),
                new DimensionLine("社会公益", 0), new DimensionLine("商务诚信", 0));
    }

    private static Contribution contribution(UUID key, String title, String dimension, int points) {
        return new Contribution(key, "ITEM", title, dimension, LocalDate.of(2026, 3, 1), 1.0, points);
    }
}
