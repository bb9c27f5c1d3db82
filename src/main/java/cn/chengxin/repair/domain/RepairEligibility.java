package cn.chengxin.repair.domain;

import java.time.LocalDate;

import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Severity;

/**
 * When a negative record may be repaired (RULES.md §4, §6; 《信用修复管理办法》 Order No. 36, from 2026-04-01): a minor
 * (轻微) record once the obligation is fulfilled; a general (一般) record after its minimum period, 3 months by
 * default; a serious (严重) one after 1 year — counted from the decision date, and configurable per catalogue item.
 * Shown to the person before they apply, so nobody applies in vain.
 */
public record RepairEligibility(Kind kind, LocalDate from) {

    public enum Kind {
        /** Not a negative record: nothing to repair. */
        NOT_APPLICABLE,
        /** Repairable as soon as the obligation is fulfilled (minor records). */
        ONCE_OBLIGATION_FULFILLED,
        /** Repairable from {@link #from()}, with the obligation fulfilled. */
        FROM_DATE
    }

    /**
     * @param minimumMonths the item's minimum period before repair, or null for the severity's default
     */
    public static RepairEligibility of(Nature nature, Severity severity, Integer minimumMonths, LocalDate decided) {
        if (nature != Nature.NEGATIVE || severity == null || decided == null) {
            return new RepairEligibility(Kind.NOT_APPLICABLE, null);
        }
        int months = minimumMonths != null ? minimumMonths : severity.defaultMinimumMonths();
        if (months == 0) {
            return new RepairEligibility(Kind.ONCE_OBLIGATION_FULFILLED, decided);
        }
        return new RepairEligibility(Kind.FROM_DATE, decided.plusMonths(months));
    }

    /** A protected minor's record ({@link MinorProtection}): repairable once the obligation is fulfilled. */
    public static RepairEligibility protectedMinor(LocalDate decided) {
        return new RepairEligibility(Kind.ONCE_OBLIGATION_FULFILLED, decided);
    }

    /** Whether the minimum period is served on {@code today} (the other conditions are checked on application). */
    public boolean periodServed(LocalDate today) {
        return kind != Kind.NOT_APPLICABLE && !today.isBefore(from);
    }
}
