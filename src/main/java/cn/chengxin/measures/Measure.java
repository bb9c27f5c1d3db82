package cn.chengxin.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.chengxin.listing.ListType;
import cn.chengxin.measures.domain.MeasureReach;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * A joint reward or punishment measure: its legal basis, who implements it, the lists it
 * follows and the scenarios where it applies; {@code cleanRecord}: also for subjects with three or more years without
 * a negative record (RULES.md §7: 绿色通道, 容缺受理).
 *
 * <p>RULES.md §7: each measure rests on its legal basis, and that basis names whom it reaches. {@code subjectKinds}:
 * persons, organisations or both (civil-service hiring reaches persons only); {@code ruleCodes}: the list rules whose
 * entries it follows, empty for every rule of its lists (the Supreme People's Court's consumption restrictions follow
 * court defaulters only). An entry under no rule (a department's proposal, another platform's entry) carries only the
 * measures limited to no rule.
 *
 * <p>RULES.md §7 (措施清单: measure, legal basis, implementing department): {@code departments} names the departments
 * that implement it, and only their checks are answered it; {@code allDepartments} says the office chose every
 * department (a basis that names none, such as 评先评优 or licensing, binds each department that confers or
 * licenses). One or the other, never neither: a measure is never every department's by omission.
 *
 * <p>{@code reach}: since when it reaches the entries it follows, by the day each took effect (RULES.md §7, the notice
 * names the measures): what was added to it after an entry took effect does not reach that entry.
 *
 * <p>{@code reachesResponsiblePersons}: the measure also falls on the responsible persons (法定代表人、主要负责人、直接责任人)
 * of an organisation with an entry it follows, on its own legal basis {@code responsiblePersonsBasis} (法释〔2015〕17号
 * 第三条第二款: a unit's legal representative, principal person in charge, directly responsible persons and actual
 * controller may not do the restricted consumption). They are not listed themselves (RULES.md §1, §7; review xxv H2):
 * a check of such a person answers it apart from their own entries ({@link CheckResult#asResponsiblePerson()}).
 */
public record Measure(String code, String name, MeasureKind kind, String legalBasis, Set<String> departments,
                      boolean allDepartments, Set<ListType> listTypes, Set<Scenario> scenarios, boolean cleanRecord,
                      boolean enabled, Set<SubjectKind> subjectKinds, Set<String> ruleCodes, MeasureReach reach,
                      boolean reachesResponsiblePersons, String responsiblePersonsBasis) {

    public Measure {
        departments = Set.copyOf(departments);
        listTypes = Set.copyOf(listTypes);
        scenarios = Set.copyOf(scenarios);
        subjectKinds = Set.copyOf(subjectKinds);
        ruleCodes = Set.copyOf(ruleCodes);
        reach = reach == null ? MeasureReach.UNRECORDED : reach;
        responsiblePersonsBasis = reachesResponsiblePersons ? responsiblePersonsBasis : null;
    }

    /** A measure that reaches no organisation's responsible persons. */
    public Measure(String code, String name, MeasureKind kind, String legalBasis, Set<String> departments,
                   boolean allDepartments, Set<ListType> listTypes, Set<Scenario> scenarios, boolean cleanRecord,
                   boolean enabled, Set<SubjectKind> subjectKinds, Set<String> ruleCodes, MeasureReach reach) {
        this(code, name, kind, legalBasis, departments, allDepartments, listTypes, scenarios, cleanRecord, enabled,
                subjectKinds, ruleCodes, reach, false, null);
    }

    /** What a measure says, with nothing recorded of since when (a revision proposed, a measure built in memory). */
    public Measure(String code, String name, MeasureKind kind, String legalBasis, Set<String> departments,
                   boolean allDepartments, Set<ListType> listTypes, Set<Scenario> scenarios, boolean cleanRecord,
                   boolean enabled, Set<SubjectKind> subjectKinds, Set<String> ruleCodes) {
        this(code, name, kind, legalBasis, departments, allDepartments, listTypes, scenarios, cleanRecord, enabled,
                subjectKinds, ruleCodes, MeasureReach.UNRECORDED);
    }

    /**
     * Whether {@code department} implements the measure in {@code scenario} for an entry on {@code list} by the rule
     * {@code ruleCode} (null: under no rule) of a subject of {@code subject} kind.
     */
    public boolean appliesTo(ListType list, String ruleCode, SubjectKind subject, Scenario scenario,
                             String department) {
        return enabled && listTypes.contains(list) && follows(ruleCode) && subjectKinds.contains(subject)
                && scenarios.contains(scenario) && implementedBy(department);
    }

    /**
     * {@link #appliesTo}, for an entry that took effect on {@code effectiveDay} (null: unknown): and only if the measure
     * reached such an entry on that day and ever since ({@link MeasureReach#reaches}).
     */
    public boolean appliesTo(ListType list, String ruleCode, SubjectKind subject, Scenario scenario,
                             String department, java.time.LocalDate effectiveDay) {
        return appliesTo(list, ruleCode, subject, scenario, department)
                && reach.reaches(list, ruleCode, subject, scenario, effectiveDay);
    }

    /**
     * Whether {@code department} implements the measure in {@code scenario} on a responsible person of an
     * organisation with an entry on {@code list} by {@code ruleCode} that took effect on {@code effectiveDay}: one
     * that reaches responsible persons, falls on persons, follows such an entry, and reached them on that day and
     * ever since ({@link MeasureReach#reachesResponsiblePersons}).
     */
    public boolean appliesToResponsiblePerson(ListType list, String ruleCode, Scenario scenario, String department,
                                              java.time.LocalDate effectiveDay) {
        return reachesResponsiblePersons && appliesTo(list, ruleCode, SubjectKind.PERSON, scenario, department)
                && reach.reachesResponsiblePersons(list, ruleCode, scenario, effectiveDay);
    }

    /** Whether it follows entries of {@code ruleCode} (null: an entry under no rule, which no rule limit admits). */
    public boolean follows(String ruleCode) {
        return MeasureReach.follows(ruleCodes, ruleCode);
    }

    /** Whether {@code department} grants it in {@code scenario} to a subject of that kind with a clean record. */
    public boolean appliesToCleanRecord(SubjectKind subject, Scenario scenario, String department) {
        return enabled && cleanRecord && subjectKinds.contains(subject) && scenarios.contains(scenario)
                && implementedBy(department);
    }

    /**
     * Why the measure may not stand as it is, empty if it may (RULES.md §7): a name; a legal basis (measures come
     * only from the base list and local supplementary lists, each with its basis); at least one scenario; something
     * it follows (a list, or a clean record); only lists its kind may follow, and a clean record only for incentives;
     * at least one kind of subject it reaches; rules only when it follows a list; its implementing departments, or
     * every department chosen explicitly (not both).
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("须写明措施名称");
        }
        if (legalBasis == null || legalBasis.isBlank()) {
            problems.add("须写明措施的法律、法规或政策依据");
        }
        if (scenarios.isEmpty()) {
            problems.add("须至少选择一个适用场景");
        }
        if (listTypes.isEmpty() && !cleanRecord) {
            problems.add("须至少选择一个适用名单");
        }
        listTypes.stream().filter(list -> !kind.mayFollow(list)).sorted().forEach(list ->
                problems.add("「" + kind.label() + "」不能适用于" + list.label()));
        if (cleanRecord && !kind.mayRewardCleanRecord()) {
            problems.add("只有守信激励措施才能给予三年无失信记录的主体");
        }
        if (departments.isEmpty() && !allDepartments) {
            problems.add("须至少选择一个实施部门，或明确选择「所有部门」");
        }
        if (!departments.isEmpty() && allDepartments) {
            problems.add("选择「所有部门」时不再另选实施部门");
        }
        if (subjectKinds.isEmpty()) {
            problems.add("须至少选择一类适用主体（自然人或法人和非法人组织）");
        }
        if (!ruleCodes.isEmpty() && listTypes.isEmpty()) {
            problems.add("只适用三年无失信记录主体的措施不能限定认定规则");
        }
        if (reachesResponsiblePersons) {
            // 法释〔2015〕17号 第三条第二款: a restriction of its own, on its own basis, on persons, for a unit's listing.
            if (responsiblePersonsBasis == null || responsiblePersonsBasis.isBlank()) {
                problems.add("适用于单位负责人的措施须写明其法律依据");
            }
            if (kind == MeasureKind.INCENTIVE || listTypes.isEmpty()) {
                problems.add("只有跟随失信名单的惩戒措施才能适用于单位的法定代表人等负责人");
            }
            if (!subjectKinds.contains(SubjectKind.PERSON)) {
                problems.add("适用于单位负责人的措施须适用于自然人");
            }
        }
        return problems;
    }

    /**
     * Whether a check by {@code department} is answered the measure: one it implements, or any when the office chose
     * every department. On every check's path: no allocation.
     */
    public boolean implementedBy(String department) {
        return allDepartments || (department != null && departments.contains(department));
    }
}
