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
 */
public final class RecordPeriods {

    private RecordPeriods() {
    }

    /** Whether {@code now} shortens the maximum publication period or the retention period of {@code before}. */
    public static boolean shortens(ItemDefinition before, ItemDefinition now) {
        return shorter(now.publicationMaxMonths(), before.publicationMaxMonths())
                || shorter(now.retentionYears(), before.retentionYears());
    }

    /** The last day of publication under one version; {@code null}: long-term, or no decision date. */
    public static LocalDate publicationEnd(ItemDefinition item, LocalDate decisionDate) {
        return decisionDate == null ? null : CivilPeriods.lastDayOfMonths(decisionDate, item.publicationMaxMonths());
    }

    /** The last day of retention under one version, from the day {@link ItemDefinition#retentionStart} gives. */
    public static LocalDate retentionEnd(ItemDefinition item, LocalDate decisionDate, Map<String, String> content) {
        return decisionDate == null ? null
                : CivilPeriods.lastDayOfYears(item.retentionStart(decisionDate, content), item.retentionYears());
    }

    /** The earliest last day of publication under any of {@code versions} (the versions since collection). */
    public static LocalDate publicationEnd(Collection<ItemDefinition> versions, LocalDate decisionDate) {
        LocalDate end = null;
        boolean first = true;
        for (ItemDefinition v : versions) {
            end = first ? publicationEnd(v, decisionDate) : earlier(end, publicationEnd(v, decisionDate));
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
