package cn.chengxin.scoring.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.chengxin.catalog.domain.BaseCatalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.catalog.domain.SubjectType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScoreModelTests {

    private static final ScoreModel WEIHAI = ScoreModel.weihai();

    @Test
    void bothPresetsMayBeSaved() {
        assertThat(ScoreModel.weihai().problems()).isEmpty();
        assertThat(ScoreModel.fiveLabels().problems()).isEmpty();
        assertThat(ScoreModel.fiveLabels().grades()).extracting(GradeBand::label)
                .containsExactlyInAnyOrder("极好", "优秀", "良好", "中等", "待提升");
    }

    @Test
    void theWeihaiPresetUsesTheHaibeiThresholds() {
        assertThat(WEIHAI.baseScore()).isEqualTo(1000);
        assertThat(WEIHAI.grades()).extracting(GradeBand::grade, GradeBand::minInclusive, GradeBand::maxInclusive)
                .contains(org.assertj.core.groups.Tuple.tuple("AAA", 1150, WEIHAI.maxScore()),
                        org.assertj.core.groups.Tuple.tuple("AA", 1050, 1149),
                        org.assertj.core.groups.Tuple.tuple("A", 1000, 1049),
                        org.assertj.core.groups.Tuple.tuple("B", 950, 999),
                        org.assertj.core.groups.Tuple.tuple("C", 801, 949),
                        org.assertj.core.groups.Tuple.tuple("D", WEIHAI.minScore(), 800));
        assertThat(WEIHAI.minAdultAge()).isEqualTo(18);
        assertThat(WEIHAI.dimensions()).extracting(Dimension::code)
                .containsExactly("IDENTITY", "OBLIGATIONS", "LAW_ABIDING", "PUBLIC_SPIRITED", "COMMITMENTS");
    }

    @Test
    void thePresetsPriceEveryPersonItemOfTheBaseCatalogue() {
        // The household register and the occupational groups feed the registry (who is scored), not the score;
        // a licence is published (行政许可公示), kept out of scoring by the catalogue, and not priced either.
        Set<String> personItems = BaseCatalogue.items().stream()
                .filter(i -> i.subjectType() == SubjectType.PERSON)
                .filter(i -> !Set.of(BaseCatalogue.RESIDENCY, BaseCatalogue.OCCUPATION, "P_ADMIN_LICENCE")
                        .contains(i.code()))
                .map(ItemDefinition::code).collect(Collectors.toSet());
        Set<String> priced = WEIHAI.items().stream().map(ItemPoints::itemCode).collect(Collectors.toSet());
        assertThat(priced).isEqualTo(personItems);
        assertThat(WEIHAI.items()).filteredOn(i -> i.itemCode().equals("P_COURT_DEFAULTER"))
                .singleElement().extracting(ItemPoints::points).isEqualTo(-50);
    }

    @Test
    void overlappingGradeThresholdsAreRefused() {
        List<GradeBand> grades = new ArrayList<>(WEIHAI.grades());
        grades.replaceAll(g -> g.grade().equals("AA") ? new GradeBand("AA", g.label(), 1050, 1160) : g);
        assertThat(withGrades(grades).problems())
                .containsExactly("等级 AA（1050–1160）与 AAA（1150–1300）的分数区间重叠");
    }

    @Test
    void gradesThatLeaveAGapOrMissTheRangeAreRefused() {
        List<GradeBand> grades = new ArrayList<>(WEIHAI.grades());
        grades.removeIf(g -> g.grade().equals("B") || g.grade().equals("AAA"));
        grades.add(new GradeBand("X", "倒置", 10, 5));
        assertThat(withGrades(grades).problems()).containsExactlyInAnyOrder(
                "信用等级未覆盖 950–999 分", "信用等级未覆盖 1150–1300 分", "等级 X 的下限 10 大于上限 5");
        assertThat(withGrades(List.of()).problems()).containsExactly("至少需要一个信用等级");
    }

    @Test
    void negativeCapsAreRefused() {
        List<Dimension> dimensions = new ArrayList<>(WEIHAI.dimensions());
        dimensions.set(0, new Dimension("IDENTITY", "身份与基本信息", -10));
        assertThat(with(dimensions, WEIHAI.items()).problems())
                .containsExactly("维度 IDENTITY 的分值上限不能为负数（-10）");
    }

    @Test
    void anItemNamingAMissingDimensionIsRefused() {
        List<ItemPoints> items = new ArrayList<>(WEIHAI.items());
        items.add(new ItemPoints("P_EXTRA", "HONESTY", -10, 1));
        assertThat(with(WEIHAI.dimensions(), items).problems())
                .containsExactly("事项 P_EXTRA 引用的维度不存在：HONESTY");
    }

    @Test
    void aDimensionWithoutItemsIsFine() {
        List<Dimension> dimensions = new ArrayList<>(WEIHAI.dimensions());
        dimensions.add(new Dimension("SPARE", "备用", 10));
        assertThat(with(dimensions, WEIHAI.items()).problems()).isEmpty();
    }

    @Test
    void duplicateCodesEmptyDimensionsAndBadCapsAreRefused() {
        List<Dimension> dimensions = new ArrayList<>(WEIHAI.dimensions());
        dimensions.add(new Dimension("IDENTITY", "重复", 5));
        List<ItemPoints> items = new ArrayList<>(WEIHAI.items());
        items.add(new ItemPoints("P_COURT_DEFAULTER", "OBLIGATIONS", -10, 0));
        assertThat(with(dimensions, items).problems()).containsExactlyInAnyOrder("维度代码重复：IDENTITY",
                "计分事项重复：P_COURT_DEFAULTER", "事项 P_COURT_DEFAULTER 计入的记录条数上限应至少为 1");
        assertThat(with(List.of(), List.of()).problems()).containsExactly("至少需要一个评分维度");
    }

    @Test
    void aBaseOutsideTheRangeBadDecayNegativeWeightsAndMinorsAreRefused() {
        ScoreModel bad = new ScoreModel("bad", 0, " ", 1400, 0, 1300, WEIHAI.dimensions(), WEIHAI.items(),
                new Decay(24, 12), Map.of(Severity.SERIOUS, -1.0), WEIHAI.grades(), 16, -1);
        assertThat(bad.problems()).containsExactlyInAnyOrder(
                "模型代码应为大写字母、数字和下划线（3–64 位）", "版本号应从 1 开始", "模型名称不能为空",
                "基础分 1400 应在 0–1300 之间", "只对成年人评分：最低年龄不得低于 18 周岁", "最短居住月数不能为负数",
                "时间衰减：权重归零的月数（12）不能小于全额计分的月数（24）", "严重程度“严重”的权重应为非负数");
        ScoreModel negativeDecay = new ScoreModel("NEG", 1, "负数衰减", 1000, 0, 1300, WEIHAI.dimensions(),
                WEIHAI.items(), new Decay(-1, 12), Map.of(), WEIHAI.grades(), 18, 0);
        assertThat(negativeDecay.problems()).containsExactly("时间衰减的月数不能为负数");
    }

    @Test
    void anInvalidModelCannotBeCompiled() {
        List<Dimension> dimensions = List.of(new Dimension("LAW_ABIDING", "遵纪守法", -1));
        assertThatIllegalArgumentException().isThrownBy(() -> ScoreCalculator.compile(with(dimensions, List.of())))
                .withMessageContaining("维度 LAW_ABIDING 的分值上限不能为负数");
    }

    @Test
    void aRecordWithoutSeverityOrOfAnUnweightedClassWeighsOne() {
        ScoreModel unweighted = new ScoreModel("PLAIN", 1, "无权重", 1000, 0, 1300, WEIHAI.dimensions(),
                WEIHAI.items(), Decay.none(), null, WEIHAI.grades(), 18, 0);
        assertThat(unweighted.severityWeight(Severity.SERIOUS)).isEqualTo(1.0);
        assertThat(WEIHAI.severityWeight(null)).isEqualTo(1.0);
        assertThat(WEIHAI.severityWeight(Severity.MINOR)).isEqualTo(0.5);
    }

    private static ScoreModel withGrades(List<GradeBand> grades) {
        return new ScoreModel(WEIHAI.code(), WEIHAI.version(), WEIHAI.name(), WEIHAI.baseScore(), WEIHAI.minScore(),
                WEIHAI.maxScore(), WEIHAI.dimensions(), WEIHAI.items(), WEIHAI.decay(), WEIHAI.severityWeights(),
                grades, WEIHAI.minAdultAge(), WEIHAI.minResidenceMonths());
    }

    private static ScoreModel with(List<Dimension> dimensions, List<ItemPoints> items) {
        return new ScoreModel(WEIHAI.code(), WEIHAI.version(), WEIHAI.name(), WEIHAI.baseScore(), WEIHAI.minScore(),
                WEIHAI.maxScore(), dimensions, items, WEIHAI.decay(), WEIHAI.severityWeights(), WEIHAI.grades(),
                WEIHAI.minAdultAge(), WEIHAI.minResidenceMonths());
    }
}
