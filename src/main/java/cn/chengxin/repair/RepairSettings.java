package cn.chengxin.repair;

import java.util.Set;

import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.repair.domain.MinorProtection;
import cn.chengxin.repair.domain.RepairCommitmentTerm;
import cn.chengxin.repair.domain.RepairDeadlines;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Repair configuration ({@code chengxin.repair.*}).
 *
 * @param minorSeverities    the severities of misconduct by minors that is protected once corrected (RULES.md §6)
 * @param maxApprovedPerYear how many repairs a subject may have approved in 12 months; null or 0: no limit (there is
 *                           none nationally; RULES.md §6 asks for a configurable rule)
 * @param deadlines          {@code chengxin.repair.deadlines.*}, in working days (RULES.md §6; issue #8); null: the
 *                           national ones
 * @param commitmentMonths   the term of an approved repair's 信用承诺书 when its record has no last day of display
 *                           ({@link RepairCommitmentTerm}: RULES.md §6 names none); null: 12
 */
@ConfigurationProperties("chengxin.repair")
public record RepairSettings(Set<Severity> minorSeverities, Integer maxApprovedPerYear, Deadlines deadlines,
                             Integer commitmentMonths) {

    @ConstructorBinding
    public RepairSettings {
        minorSeverities = minorSeverities == null ? MinorProtection.defaults().severities()
                : Set.copyOf(minorSeverities);
        deadlines = deadlines == null ? new Deadlines(10, 3, 10) : deadlines;
        // Checked as the platform starts, as the deadlines are.
        new RepairCommitmentTerm(commitmentMonths == null ? RepairCommitmentTerm.defaults().fallbackMonths()
                : commitmentMonths);
    }

    /** The settings with the default commitment term. */
    public RepairSettings(Set<Severity> minorSeverities, Integer maxApprovedPerYear, Deadlines deadlines) {
        this(minorSeverities, maxApprovedPerYear, deadlines, null);
    }

    /** The term of the commitment signed with an approved repair. */
    public RepairCommitmentTerm commitmentTerm() {
        return commitmentMonths == null ? RepairCommitmentTerm.defaults() : new RepairCommitmentTerm(commitmentMonths);
    }

    /**
     * The repair deadlines as configured, national by default; a city may shorten them — Henan decides within 1 working
     * day once the conditions are met (RULES.md §6): {@code decision-days: 1}. Checked as the platform starts
     * ({@link RepairDeadlines}): a value out of order or above the national period stops it with the reason.
     */
    public record Deadlines(@DefaultValue("10") int feedbackDays, @DefaultValue("3") int decisionDays,
                            @DefaultValue("10") int maxExtensionDays) {

        public Deadlines {
            new RepairDeadlines(feedbackDays, decisionDays, maxExtensionDays);
        }
    }

    /** The deadlines every application is given. */
    public RepairDeadlines repairDeadlines() {
        return new RepairDeadlines(deadlines.feedbackDays(), deadlines.decisionDays(), deadlines.maxExtensionDays());
    }
}
