package cn.chengxin.catalog.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import cn.chengxin.shared.calendar.CivilPeriods;

/**
 * The last days of a record's publication and retention under the catalogue's versions of its item (RULES.md §4: the
 * periods count from the decision date, retention from the end of the act or sentence where the record states it; all
 * are set per catalogue item; after the period the record is not shown, not used). A {@code null} day is long-term.
 * <p>
 * A later version never lengthens what was collected before: a record keeps the ends its first version was given, and
 * a version that shortens a period reaches it (the platform no longer applies the longer period to anyone). So a
 * record's ends are the earliest among the versions of its item in force since it was first collected, and a
 * department's correction (which may move the decision date) is counted the same way, never under a longer version
 * alone (finding H5 of gaps review xxv).
 * <p>
 * A court's own listing of a defaulter ({@link CourtListingTerm}) is published as long as the court lists him, not only
 * for its class's period ({@link #publicationEnd(ItemDefinition, LocalDate, Map)}).
 */
public final class RecordPeriods {

    private RecordPeriods() {
    }

    /** Whether {@code now} shortens the maximum publication period or the retention period of {@code before}. */
    public static boolean shortens(ItemDefinition before, ItemDefinition now) {
        return shorter(now.publicationMaxMonths(), before.publicationMaxMonths())
                || shorter(now.retentionYears(), before.retentionYears());
    }

    /**
     * The last day of publication under one version; {@code null}: long-term, or no decision date. A court defaulter's
     * record ({@link CourtListingTerm#listedByCourt}) is the court's listing itself, which the court ends, not the
     * platform (RULES.md §7;《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）第一条、第二条、第十条):
     * <ul>
     *     <li>with the last day the court gave the listing ({@link CourtListingTerm#END_FIELD}), not before that day
     *     (the class's period when it ends later);</li>
     *     <li>else, for a defaulter able to perform and refusing (第一条第一项, no term), no end: shown until the court
     *     deletes the record (a revocation) or it is repaired;</li>
     *     <li>else the class's period (严重, three years, RULES.md §4), beyond the two years of 第二条第一款.</li>
     * </ul>
     * The entry resting on the record ends with the court's term ({@code EntryLifecycle.validUntil}), so the record no
     * longer ends the listing before the court does.
     */
    public static LocalDate publicationEnd(ItemDefinition item, LocalDate decisionDate, Map<String, String> content) {
        if (decisionDate == null) {
            return null;
        }
        LocalDate byClass = CivilPeriods.lastDayOfMonths(decisionDate, item.publicationMaxMonths());
        if (!CourtListingTerm.listedByCourt(item.code())) {
            return byClass;
        }
        LocalDate courtsEnd = CourtListingTerm.endIn(content);
        if (courtsEnd != null) {
            return byClass == null || !courtsEnd.isAfter(byClass) ? byClass : courtsEnd;
        }
        boolean withoutTerm = content != null
                && CourtListingTerm.withoutTerm(content.get(CourtListingTerm.BEHAVIOUR_FIELD));
        return withoutTerm ? null : byClass;
    }

    /** The last day of retention under one version, from the day {@link ItemDefinition#retentionStart} gives. */
    public static LocalDate retentionEnd(ItemDefinition item, LocalDate decisionDate, Map<String, String> content) {
        return decisionDate == null ? null
                : CivilPeriods.lastDayOfYears(item.retentionStart(decisionDate, content), item.retentionYears());
    }

    /** The earliest last day of publication under any of {@code versions} (the versions since collection). */
    public static LocalDate publicationEnd(Collection<ItemDefinition> versions, LocalDate decisionDate,
                                           Map<String, String> content) {
        LocalDate end = null;
        boolean first = true;
        for (ItemDefinition v : versions) {
            LocalDate under = publicationEnd(v, decisionDate, content);
            end = first ? under : earlier(end, under);
            first = false;
        }
        return end;
    }

    /** The earliest last day of retention under any of {@code versions} (the versions since collection). */
    public static LocalDate retentionEnd(Collection<ItemDefinition> versions, LocalDate decisionDate,
                                         Map<String, String> content) {
        LocalDate end = null;
        boolean first = true;
        for (ItemDefinition v : versions) {
            LocalDate under = retentionEnd(v, decisionDate, content);
            end = first ? under : earlier(end, under);
            first = false;
        }
        return end;
    }

    /** The earlier of two last days, {@code null} being long-term (later than any day). */
    public static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** A period of {@code a} ends before one of {@code b} ({@code null}: long-term). */
    private static boolean shorter(Integer a, Integer b) {
        return a != null && (b == null || a < b);
    }
}
