package cn.chengxin.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chengxin.catalog.domain.Severity;

/**
 * A personal credit score model (RULES.md §8): data, versioned, and reviewed by a second person before it is
 * activated. A subject starts at {@code baseScore}; each record that counts moves the score by its item's points ×
 * its severity weight × its recency decay; each dimension moves it by at most its cap; the score stays within
 * [{@code minScore}, {@code maxScore}] and its grade is the band that contains it. Only adults
 * ({@code minAdultAge}, never below 18) resident for at least {@code minResidenceMonths} are scored.
 *
 * @param severityWeights weight of a record by its severity class; a class not in the map, or a record without
 *                        severity, weighs 1
 */
public record ScoreModel(String code, int version, String name, int baseScore, int minScore, int maxScore,
                         List<Dimension> dimensions, List<ItemPoints> items, Decay decay,
                         Map<Severity, Double> severityWeights, List<GradeBand> grades, int minAdultAge,
                         int minResidenceMonths) {

    /** The age of majority (民法典第十七条); minors are never scored (issue #6). */
    public static final int ADULT_AGE = 18;

    public ScoreModel {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        items = items == null ? List.of() : List.copyOf(items);
        severityWeights = severityWeights == null || severityWeights.isEmpty() ? Map.of()
                : Map.copyOf(severityWeights);
        grades = grades == null ? List.of() : List.copyOf(grades);
    }

    /** The weight of a record of this severity; 1 for none or a class without a weight. */
    public double severityWeight(Severity severity) {
        if (severity == null) {
            return 1.0;
        }
        Double w = severityWeights.get(severity);
        return w == null ? 1.0 : w;
    }

    /** Every reason the model cannot be saved, for the clerk who wrote it; empty when it may be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{2,63}")) {
            problems.add("模型代码应为大写字母、数字和下划线（3–64 位）");
        }
        if (version < 1) {
            problems.add("版本号应从 1 开始");
        }
        if (name == null || name.isBlank()) {
            problems.add("模型名称不能为空");
        }
        if (minScore >= maxScore) {
            problems.add("最低分应小于最高分");
        } else if (baseScore < minScore || baseScore > maxScore) {
            problems.add("基础分 " + baseScore + " 应在 " + minScore + "–" + maxScore + " 之间");
        }
        if (minAdultAge < ADULT_AGE) {
            problems.add("只对成年人评分：最低年龄不得低于 " + ADULT_AGE + " 周岁");
        }
        if (minResidenceMonths < 0) {
            problems.add("最短居住月数不能为负数");
        }
        dimensionProblems(problems);
        itemProblems(problems);
        decayProblems(problems);
        severityProblems(problems);
        gradeProblems(problems);
        return problems;
    }

    private void dimensionProblems(List<String> problems) {
        if (dimensions.isEmpty()) {
            problems.add("至少需要一个评分维度");
        }
        Set<String> seen = new HashSet<>();
        for (Dimension d : dimensions) {
            if (d.code() == null || d.code().isBlank()) {
                problems.add("维度代码不能为空");
                continue;
            }
            if (!seen.add(d.code())) {
                problems.add("维度代码重复：" + d.code());
            }
            if (d.label() == null || d.label().isBlank()) {
                problems.add("维度 " + d.code() + " 缺少名称");
            }
            if (d.cap() < 0) {
                problems.add("维度 " + d.code() + " 的分值上限不能为负数（" + d.cap() + "）");
            }
        }
    }

    private void itemProblems(List<String> problems) {
        Set<String> dimensionCodes = new HashSet<>();
        dimensions.forEach(d -> dimensionCodes.add(d.code()));
        Set<String> seen = new HashSet<>();
        for (ItemPoints i : items) {
            if (i.itemCode() == null || i.itemCode().isBlank()) {
                problems.add("计分事项缺少目录事项代码");
                continue;
            }
            if (!seen.add(i.itemCode())) {
                problems.add("计分事项重复：" + i.itemCode());
            }
            if (i.dimension() == null || !dimensionCodes.contains(i.dimension())) {
                problems.add("事项 " + i.itemCode() + " 引用的维度不存在：" + i.dimension());
            }
            if (i.perRecordCap() < 1) {
                problems.add("事项 " + i.itemCode() + " 计入的记录条数上限应至少为 1");
            }
        }
    }

    private void decayProblems(List<String> problems) {
        if (decay == null) {
            problems.add("须设置时间衰减（不衰减时两项均填 0）");
        } else if (decay.fullWeightMonths() < 0 || decay.zeroWeightMonths() < 0) {
            problems.add("时间衰减的月数不能为负数");
        } else if (decay.zeroWeightMonths() < decay.fullWeightMonths()) {
            problems.add("时间衰减：权重归零的月数（" + decay.zeroWeightMonths() + "）不能小于全额计分的月数（"
                    + decay.fullWeightMonths() + "）");
        }
    }

    private void severityProblems(List<String> problems) {
        severityWeights.forEach((severity, weight) -> {
            if (weight.isNaN() || weight.isInfinite() || weight < 0) {
                problems.add("严重程度“" + severity.label() + "”的权重应为非负数");
            }
        });
    }

    /** The bands must cover [minScore, maxScore] exactly once: no overlap, no gap (RULES.md §8, 等级阈值). */
    private void gradeProblems(List<String> problems) {
        if (grades.isEmpty()) {
            problems.add("至少需要一个信用等级");
            return;
        }
        Set<String> seen = new HashSet<>();
        List<GradeBand> ordered = new ArrayList<>();
        for (GradeBand g : grades) {
            if (g.grade() == null || g.grade().isBlank()) {
                problems.add("信用等级代码不能为空");
                continue;
            }
            if (!seen.add(g.grade())) {
                problems.add("信用等级重复：" + g.grade());
            }
            if (g.label() == null || g.label().isBlank()) {
                problems.add("等级 " + g.grade() + " 缺少名称");
            }
            if (g.minInclusive() > g.maxInclusive()) {
                problems.add("等级 " + g.grade() + " 的下限 " + g.minInclusive() + " 大于上限 " + g.maxInclusive());
                continue;
            }
            ordered.add(g);
        }
        if (ordered.isEmpty() || minScore >= maxScore) {
            return;
        }
        ordered.sort(Comparator.comparingInt(GradeBand::minInclusive).thenComparingInt(GradeBand::maxInclusive));
        GradeBand first = ordered.get(0);
        if (first.minInclusive() > minScore) {
            problems.add("信用等级未覆盖 " + minScore + "–" + (first.minInclusive() - 1) + " 分");
        }
        if (first.minInclusive() < minScore) {
            problems.add("等级 " + first.grade() + " 低于最低分 " + minScore);
        }
        int coveredTo = first.maxInclusive();
        GradeBand reaching = first;
        for (GradeBand g : ordered.subList(1, ordered.size())) {
            if (g.minInclusive() <= coveredTo) {
                problems.add("等级 " + reaching.grade() + "（" + range(reaching) + "）与 " + g.grade() + "（" + range(g)
                        + "）的分数区间重叠");
            } else if (g.minInclusive() > coveredTo + 1) {
                problems.add("信用等级未覆盖 " + (coveredTo + 1) + "–" + (g.minInclusive() - 1) + " 分");
            }
            if (g.maxInclusive() > coveredTo) {
                coveredTo = g.maxInclusive();
                reaching = g;
            }
        }
        if (coveredTo < maxScore) {
            problems.add("信用等级未覆盖 " + (coveredTo + 1) + "–" + maxScore + " 分");
        }
        if (coveredTo > maxScore) {
            problems.add("等级 " + reaching.grade() + " 高于最高分 " + maxScore);
        }
    }

    private static String range(GradeBand g) {
        return g.minInclusive() + "–" + g.maxInclusive();
    }

    /**
     * The base-1000 points model with grades AAA–D at the Weihai 海贝分 thresholds (RULES.md §8); residents of at
     * least one year (as in Rongcheng); points modelled on the Rongcheng deduction table (court-found breach −50,
     * contract default −20, fraud −30 to −40, stealing utilities −60).
     */
    public static ScoreModel weihai() {
        return new ScoreModel("WEIHAI_POINTS", 1, "信用积分（基础分 1000，AAA–D 六级，参照威海海贝分）", 1000, 0, 1300,
                standardDimensions(400, 400, 200, 100, 30), standardItems(), new Decay(12, 36), standardWeights(),
                List.of(new GradeBand("D", "D 级（不诚信）", 0, 800),
                        new GradeBand("C", "C 级（较差）", 801, 949),
                        new GradeBand("B", "B 级（诚信警示）", 950, 999),
                        new GradeBand("A", "A 级（诚信）", 1000, 1049),
                        new GradeBand("AA", "AA 级（诚信先进）", 1050, 1149),
                        new GradeBand("AAA", "AAA 级（诚信模范）", 1150, 1300)),
                ADULT_AGE, 12);
    }

    /**
     * A 0–1000 score with the five labels of Xiamen 白鹭分 and Fuzhou 茉莉分 (RULES.md §8), used for incentives
     * only; everyone without records starts in the middle band.
     */
    public static ScoreModel fiveLabels() {
        return new ScoreModel("FIVE_LABELS", 1, "信用分（0–1000，五档，参照白鹭分、茉莉分）", 600, 0, 1000,
                standardDimensions(300, 300, 200, 100, 50), standardItems(), new Decay(12, 36), standardWeights(),
                List.of(new GradeBand("TO_IMPROVE", "待提升", 0, 549),
                        new GradeBand("FAIR", "中等", 550, 649),
                        new GradeBand("GOOD", "良好", 650, 749),
                        new GradeBand("VERY_GOOD", "优秀", 750, 849),
                        new GradeBand("EXCELLENT", "极好", 850, 1000)),
                ADULT_AGE, 12);
    }

    private static List<Dimension> standardDimensions(int law, int obligations, int publicSpirited, int commitments,
                                                      int identity) {
        return List.of(new Dimension("IDENTITY", "身份与基本信息", identity),
                new Dimension("OBLIGATIONS", "履约守信", obligations),
                new Dimension("LAW_ABIDING", "遵纪守法", law),
                new Dimension("PUBLIC_SPIRITED", "社会公益", publicSpirited),
                new Dimension("COMMITMENTS", "信用承诺", commitments));
    }

    /**
     * Points for the person items of the base catalogue. Minor administrative penalties are normally not usable for
     * scoring (RULES.md §2) but are priced should a catalogue version allow them.
     */
    private static List<ItemPoints> standardItems() {
        return List.of(
                new ItemPoints("P_QUALIFICATION", "IDENTITY", 10, 3),
                new ItemPoints("P_COURT_DEFAULTER", "OBLIGATIONS", -50, 3),
                new ItemPoints("P_CONSUMPTION_RESTRICTED", "OBLIGATIONS", -30, 3),
                new ItemPoints("P_TAX_SERIOUS_DISHONESTY", "OBLIGATIONS", -50, 2),
                new ItemPoints("P_TAX_ARREARS", "OBLIGATIONS", -20, 3),
                new ItemPoints("P_STUDENT_LOAN_DEFAULT", "OBLIGATIONS", -20, 2),
                new ItemPoints("P_ADMIN_PENALTY_MINOR", "LAW_ABIDING", -10, 3),
                new ItemPoints("P_ADMIN_PENALTY_GENERAL", "LAW_ABIDING", -20, 5),
                new ItemPoints("P_ADMIN_PENALTY_SERIOUS", "LAW_ABIDING", -50, 3),
                new ItemPoints("P_DRUNK_DRIVING", "LAW_ABIDING", -60, 2),
                new ItemPoints("P_SOCIAL_INSURANCE_FRAUD", "LAW_ABIDING", -40, 2),
                new ItemPoints("P_MEDICAL_INSURANCE_FRAUD", "LAW_ABIDING", -40, 2),
                new ItemPoints("P_EXAM_CHEATING", "LAW_ABIDING", -30, 2),
                new ItemPoints("P_ACADEMIC_MISCONDUCT", "LAW_ABIDING", -50, 2),
                new ItemPoints("P_QUALIFICATION_REVOKED", "LAW_ABIDING", -40, 2),
                new ItemPoints("P_VOLUNTEER_SERVICE", "PUBLIC_SPIRITED", 10, 5),
                new ItemPoints("P_BLOOD_DONATION", "PUBLIC_SPIRITED", 20, 3),
                new ItemPoints("P_CHARITABLE_DONATION", "PUBLIC_SPIRITED", 10, 3),
                new ItemPoints("P_COMMENDATION", "PUBLIC_SPIRITED", 30, 3),
                new ItemPoints("P_GOOD_SAMARITAN", "PUBLIC_SPIRITED", 50, 2),
                new ItemPoints("P_COMMITMENT", "COMMITMENTS", 5, 4),
                new ItemPoints("P_COMMITMENT_BREACH", "COMMITMENTS", -30, 3));
    }

    /**
     * Item points already price how serious each kind of act is; a record judged minor counts half (过罚相当; minor
     * acts are normally not even published, RULES.md §4).
     */
    private static Map<Severity, Double> standardWeights() {
        Map<Severity, Double> weights = new EnumMap<>(Severity.class);
        weights.put(Severity.MINOR, 0.5);
        weights.put(Severity.GENERAL, 1.0);
        weights.put(Severity.SERIOUS, 1.0);
        return weights;
    }
}
