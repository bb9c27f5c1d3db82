package cn.chengxin.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.chengxin.listing.ListType;

/**
 * A joint reward or punishment measure: its legal basis, who implements it (empty: every department), the lists it
 * follows and the scenarios where it applies; {@code cleanRecord}: also for subjects with three or more years without
 * a negative record (RULES.md §7: 绿色通道, 容缺受理).
 */
public record Measure(String code, String name, MeasureKind kind, String legalBasis, Set<String> departments,
                      Set<ListType> listTypes, Set<Scenario> scenarios, boolean cleanRecord, boolean enabled) {

    public Measure {
        departments = Set.copyOf(departments);
        listTypes = Set.copyOf(listTypes);
        scenarios = Set.copyOf(scenarios);
    }

    /** Whether {@code department} implements the measure in {@code scenario} for an entry on {@code list}. */
    public boolean appliesTo(ListType list, Scenario scenario, String department) {
        return enabled && listTypes.contains(list) && scenarios.contains(scenario) && implementedBy(department);
    }

    /** Whether {@code department} grants it in {@code scenario} to a subject with a clean record. */
    public boolean appliesToCleanRecord(Scenario scenario, String department) {
        return enabled && cleanRecord && scenarios.contains(scenario) && implementedBy(department);
    }

    /**
     * Why the measure may not stand as it is, empty if it may (RULES.md §7): a name; a legal basis (measures come
     * only from the base list and local supplementary lists, each with its basis); at least one scenario; something
     * it follows (a list, or a clean record); only lists its kind may follow, and a clean record only for incentives.
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
        return problems;
    }

    public boolean implementedBy(String department) {
        return departments.isEmpty() || (department != null && departments.contains(department));
    }
}
