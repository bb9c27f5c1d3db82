package cn.chengxin.measures;

import java.util.ArrayList;
import java.util.List;

import cn.chengxin.listing.ListType;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * What a measure rests on in a check: every entry in force that it follows — on a list it follows, by a rule it
 * follows (RULES.md §7: each measure reaches only whom its legal basis names) — any one of them reason enough to
 * apply it, the gravest of those lists, and whether it rests on entries marked in dispute (异议处理中) only.
 *
 * <p>A measure is disputed only when each entry it rests on is: RULES.md §5 marks the disputed record, and that mark
 * stays on the entry in the answer; an objection decides the entry it was filed against, so a measure that an
 * undisputed entry also carries stands whatever the objection's outcome, and marking it disputed would tell the
 * department it might fall when it cannot.
 */
record Grounds(ListType gravest, List<String> entryIds, boolean disputed) {

    /**
     * An entry in force as a measure is matched to it: its id in the answer, its list, the rule that listed it (null
     * for a department's proposal or another platform's entry), its dispute mark and the day it took effect (null:
     * unknown), which decides the measures it carries (RULES.md §7: those its notice named, {@link Measure#reach}).
     */
    record Listed(String id, ListType type, String ruleCode, boolean disputed, java.time.LocalDate effectiveDay) {
    }

    /**
     * The grounds of {@code measure} among the entries of a subject of {@code subject} kind; null when none. An
     * incentive has none while the subject is {@linkplain #underPunishment under punishment}, whatever red entry it
     * also has (RULES.md §7).
     */
    static Grounds of(Measure measure, Scenario scenario, String department, SubjectKind subject,
                      List<Listed> entries) {
        if (measure.kind() == MeasureKind.INCENTIVE && underPunishment(entries)) {
            return null;
        }
        ListType gravest = null;
        List<String> ids = null;
        boolean undisputed = false;
        for (Listed entry : entries) {
            if (!measure.appliesTo(entry.type(), entry.ruleCode(), subject, scenario, department,
                    entry.effectiveDay())) {
                continue;
            }
            if (ids == null) {
                ids = new ArrayList<>(entries.size());
            }
            ids.add(entry.id());
            undisputed |= !entry.disputed();
            gravest = gravest == null || entry.type().ordinal() > gravest.ordinal() ? entry.type() : gravest;
        }
        return ids == null ? null : new Grounds(gravest, List.copyOf(ids), !undisputed);
    }

    /**
     * RULES.md §7: 守信激励 is not for those under 失信惩戒 ({@link ListType#withholdsIncentives}): while a black or
     * grey entry is in force, no incentive is granted — not for a red entry (a 诚信之星 later black-listed), not for a
     * clean record — until the entry ends. A disputed entry is still in force.
     */
    static boolean underPunishment(List<Listed> entries) {
        for (Listed entry : entries) {
            if (entry.type().withholdsIncentives()) {
                return true;
            }
        }
        return false;
    }
}
