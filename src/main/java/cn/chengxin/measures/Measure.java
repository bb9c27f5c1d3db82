package cn.chengxin.measures;

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

    public boolean implementedBy(String department) {
        return departments.isEmpty() || (department != null && departments.contains(department));
    }
}
