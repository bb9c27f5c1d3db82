package cn.chengxin.measures;

import java.util.ArrayList;
import java.util.List;

import cn.chengxin.listing.ListType;

/**
 * What a measure rests on in a check: every entry in force on a list it follows (any one of them is reason enough to
 * apply it), the gravest of those lists, and whether one of them is marked in dispute (异议处理中, RULES.md §5).
 */
record Grounds(ListType gravest, List<String> entryIds, boolean disputed) {

    /** The grounds of {@code measure} among {@code entries}; null when none is on a list it follows. */
    static Grounds of(Measure measure, Scenario scenario, String department, List<CheckResult.Entry> entries) {
        ListType gravest = null;
        List<String> ids = null;
        boolean disputed = false;
        for (CheckResult.Entry entry : entries) {
            ListType type = ListType.valueOf(entry.listType());
            if (!measure.appliesTo(type, scenario, department)) {
                continue;
            }
            if (ids == null) {
                ids = new ArrayList<>(entries.size());
            }
            ids.add(entry.id());
            disputed |= entry.disputed();
            gravest = gravest == null || type.ordinal() > gravest.ordinal() ? type : gravest;
        }
        return ids == null ? null : new Grounds(gravest, List.copyOf(ids), disputed);
    }
}
