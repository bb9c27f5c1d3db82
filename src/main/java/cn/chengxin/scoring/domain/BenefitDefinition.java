package cn.chengxin.scoring.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A benefit of the 信用惠民 catalogue as the credit office defines it (RULES.md §8: benefits tied to grade
 * thresholds; §7: the red list brings incentives): who offers what, in which scenario, to which grades, or to
 * everyone on a list in force. Nobody on the black list gets any (checked where benefits are granted).
 *
 * @param grades        grade codes of the score models that qualify; may be empty when a list condition is set
 * @param listCondition   "RED": everyone on the red list in force qualifies too; null: grades only
 * @param providerClients the institutions (account's {@code ApiInstitution} ids) whose systems grant it, the only ones a
 *                        benefits check answers about it, with any of their keys (RULES.md §8, §10: a provider learns
 *                        whether its own benefits apply, not the grade; gaps review xxix K2: a renewed key keeps
 *                        them); empty: no system checks it (shown to the person only)
 */
public record BenefitDefinition(String code, String name, String provider, List<String> grades, String listCondition,
                                String scenario, List<UUID> providerClients) {

    public static final String RED_LIST = "RED";

    public BenefitDefinition {
        grades = grades == null ? List.of() : grades.stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
        providerClients = providerClients == null ? List.of() : providerClients.stream().distinct().toList();
    }

    /** A benefit no API client checks (yet). */
    public BenefitDefinition(String code, String name, String provider, List<String> grades, String listCondition,
                             String scenario) {
        this(code, name, provider, grades, listCondition, scenario, List.of());
    }

    /** Every reason the definition cannot be saved; {@code knownGrades}: the grades of the stored score models. */
    public List<String> problems(Set<String> knownGrades) {
        List<String> problems = new ArrayList<>();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{2,63}")) {
            problems.add("惠民事项代码应为大写字母、数字和下划线（3–64 位，字母开头）");
        }
        if (blank(name) || name.length() > 100) {
            problems.add("惠民事项名称不能为空，且不超过 100 字");
        }
        if (blank(provider) || provider.length() > 100) {
            problems.add("提供单位不能为空，且不超过 100 字");
        }
        if (blank(scenario) || scenario.length() > 50) {
            problems.add("适用场景不能为空，且不超过 50 字");
        }
        if (listCondition != null && !RED_LIST.equals(listCondition)) {
            problems.add("名单条件只能是红名单");
        }
        if (grades.isEmpty() && listCondition == null) {
            problems.add("至少指定一个信用等级或名单条件");
        }
        grades.stream().filter(g -> !knownGrades.contains(g)).distinct()
                .forEach(g -> problems.add("评分模型中没有该信用等级：" + g));
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
