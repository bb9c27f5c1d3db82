package cn.chengxin.repair.domain;

/**
 * How many repairs a subject may have approved within 12 months (RULES.md §6: no limit nationally; a local rule may
 * set one, so it is configuration). {@code max} null or 0: no limit.
 */
public record RepairLimit(Integer max) {

    public boolean limited() {
        return max != null && max > 0;
    }

    /** Whether one more application is allowed after {@code approvedInLastYear} approvals. */
    public boolean allows(int approvedInLastYear) {
        return !limited() || approvedInLastYear < max;
    }
}
