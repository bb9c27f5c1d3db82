package cn.chengxin.repair;

import java.util.Set;

import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.repair.domain.MinorProtection;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Repair configuration ({@code chengxin.repair.*}).
 *
 * @param minorSeverities    the severities of misconduct by minors that is protected once corrected (RULES.md §6)
 * @param maxApprovedPerYear how many repairs a subject may have approved in 12 months; null or 0: no limit (there is
 *                           none nationally; RULES.md §6 asks for a configurable rule)
 */
@ConfigurationProperties("chengxin.repair")
public record RepairSettings(Set<Severity> minorSeverities, Integer maxApprovedPerYear) {

    public RepairSettings {
        minorSeverities = minorSeverities == null ? MinorProtection.defaults().severities()
                : Set.copyOf(minorSeverities);
    }
}
