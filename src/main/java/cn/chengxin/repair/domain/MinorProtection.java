package cn.chengxin.repair.domain;

import java.time.LocalDate;
import java.util.Set;

import cn.chengxin.catalog.domain.Severity;

/**
 * 未成年人保护 (RULES.md §6; Zhumadian): minor misconduct done before the age of 18 and corrected is protected from
 * display and use — such a record is repairable as soon as the obligation is fulfilled, whatever the item's minimum
 * period. Which severities count as minor misconduct is configuration ({@code chengxin.repair.minor-severities}).
 */
public record MinorProtection(Set<Severity> severities) {

    public static MinorProtection defaults() {
        return new MinorProtection(Set.of(Severity.MINOR, Severity.GENERAL));
    }

    public MinorProtection {
        severities = Set.copyOf(severities);
    }

    /** Whether a record of {@code severity} decided on {@code decided} about someone born on {@code birth} is protected. */
    public boolean protects(Severity severity, LocalDate birth, LocalDate decided) {
        return severity != null && birth != null && decided != null && severities.contains(severity)
                && decided.isBefore(birth.plusYears(18));
    }
}
