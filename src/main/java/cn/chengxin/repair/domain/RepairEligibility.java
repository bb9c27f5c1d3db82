package cn.chengxin.repair.domain;

import java.time.LocalDate;

import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.RepairAuthority;
import cn.chengxin.catalog.domain.Severity;

/**
 * When a negative record may be repaired (RULES.md §4, §6; 《信用修复管理办法》 Order No. 36, from 2026-04-01): a minor
 * (轻微) record once the obligation is fulfilled; a general (一般) record after its minimum period, 3 months by
 * default; a serious (严重) one after 1 year — counted from the decision date, and configurable per catalogue item.
 * A record another authority decided — a court's listing, a department's own list (RULES.md §7) — is repaired there,
 * never here, whatever its period: the person is told where to apply instead. Shown to the person before they apply,
 * so nobody applies in vain.
 *
 * @param authority who decides the repair: {@link RepairAuthority#PLATFORM} but for {@link Kind#BY_AUTHORITY}
 */
public record RepairEligibility(Kind kind, LocalDate from, RepairAuthority authority) {

    public enum Kind {
        /** Not a negative record: nothing to repair. */
        NOT_APPLICABLE,
        /** Repairable as soon as the obligation is fulfilled (minor records). */
        ONCE_OBLIGATION_FULFILLED,
        /** Repairable from {@link #from()}, with the obligation fulfilled. */
        FROM_DATE,
        /** Repaired by {@link #authority()} (a court, a listing department), not on this platform. */
        BY_AUTHORITY
    }

    public RepairEligibility(Kind kind, LocalDate from) {
        this(kind, from, RepairAuthority.PLATFORM);
    }

    /** When a record of {@code item} decided on {@code decided} may be repaired, and by whom. */
    public static RepairEligibility of(ItemDefinition item, LocalDate decided) {
        RepairEligibility byPeriod = of(item.nature(), item.severity(), item.publicationMinMonths(), decided);
        if (byPeriod.kind() != Kind.NOT_APPLICABLE && !item.repairAuthority().platform()) {
            return new RepairEligibility(Kind.BY_AUTHORITY, null, item.repairAuthority());
        }
        return byPeriod;
    }

    /**
     * The platform's own rule, by period alone.
     *
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

    /** Whether the platform hears an application for the record at all. */
    public boolean byPlatform() {
        return kind == Kind.ONCE_OBLIGATION_FULFILLED || kind == Kind.FROM_DATE;
    }

    /** Whether the minimum period is served on {@code today} (the other conditions are checked on application). */
    public boolean periodServed(LocalDate today) {
        return byPlatform() && !today.isBefore(from);
    }
}
