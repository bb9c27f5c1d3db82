package cn.chengxin.shared.consistency;

import java.util.List;

/**
 * Rules the database cannot cheaply refuse on the hot paths (gaps review xli V4, V8, V9), checked once a night by a
 * query the module owning the tables runs, and reported to the office rather than refused. Each module's checks are
 * beans of this type; the nightly consistency report runs them all, once across the instances, and keeps their
 * findings for the gauge {@code chengxin_consistency_findings{check}} (README, 监控与告警).
 */
public interface ConsistencyCheck {

    /** The names of the checks this bean runs, module first ({@code creditfile.item_unknown}): fixed, for the gauges. */
    List<String> checks();

    /**
     * Runs every check of {@link #checks} once; each finding with its count and up to {@code examples} ids of the
     * rows at fault (row ids, never an identity number). Read-only; no lock beyond a reader's.
     */
    List<Finding> run(int examples);
}
