package cn.chengxin.measures;

import java.util.ArrayList;
import java.util.List;

import cn.chengxin.listing.ListType;

/**
 * What a measure rests on in a check: every entry in force on a list it follows (any one of them is reason enough to
 * apply it), the gravest of those lists, and whether it rests on entries marked in dispute (异议处理中) only.
 *
 * <p>A measure is disputed only when each entry it rests on is: RULES.md §5 marks the disputed record, and that mark
 * stays on the entry in the answer; an objection decides the entry it was filed against, so a measure that an
 * undisputed entry also carries stands whatever the objection's outcome, and marking it disputed would tell the
 * department it might fall when it cannot.
 */
record Grounds(ListType gravest, List<String> entryIds, boolean disputed) {

    /** The grounds of {@code measure} among {@code entries}; null when none is on a list it follows. */
    static Grounds of(Measure measure, Scenario scenario, String department, List<CheckResult.Entry> entries) {
        ListType gravest = null;
        List<String> ids = null;
        boolean undisputed = false;
        for (CheckResult.Entry entry : entries) {
            ListType type = ListType.valueOf(entry.listType());
            if (!measure.appliesTo(type, scenario, department)) {
                continue;
            }
            if (ids == null) {
                ids = new ArrayList<>(entries.size());
            }
            ids.add(entry.id());
            undisputed |= !entry.disputed();
            gravest = gravest == null || type.ordinal() > gravest.ordinal() ? type : gravest;
        }
        return ids == null ? null : new Grounds(gravest, List.copyOf(ids), !undisputed);
    }
}
