package cn.chengxin.listing;

import cn.chengxin.subject.domain.SubjectKind;

/**
 * Names the measures that follow from a list entry, for the notices. Implemented by the measures module (which
 * depends on this one), so that a notice lists the measures as they stand in the measures catalogue.
 */
public interface MeasureNames {

    /**
     * The names of the enabled measures that follow an entry on {@code type} by the rule {@code ruleCode} (null: under
     * no rule) of a subject of {@code subject} kind, joined for a sentence ("…；…"): only those whose legal basis
     * reaches the subject (RULES.md §7), and that reach an entry taking effect at {@code effectiveFrom} (null: not yet
     * known, for a prior notice: those in force now). A measure added or widened later does not reach the entry, so
     * the effective notice names the measures the checks apply to it.
     */
    String forEntry(ListType type, String ruleCode, SubjectKind subject, java.time.Instant effectiveFrom);
}
