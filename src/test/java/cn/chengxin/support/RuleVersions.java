package cn.chengxin.support;

import java.time.Instant;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.RuleVersion;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.listing.persistence.JdbcListing;

import static cn.chengxin.support.AsStaff.as;

/**
 * New versions of list rules as the console makes them (maker-checker, issue #5): saved by one person of the credit
 * office, approved by another, upon which the version is in force and re-evaluates the holders of its items.
 */
public final class RuleVersions {

    public static final String MAKER = "rule-clerk";
    public static final String CHECKER = "rule-checker";

    private RuleVersions() {
    }

    /** Saves the rule as a new version and puts it in force; returns the version. */
    public static int put(Listing listing, ListRule rule) throws Exception {
        int version = as(MAKER, () -> listing.proposeRule(rule));
        as(CHECKER, () -> {
            listing.approveRule(rule.code(), version, "同意");
            return null;
        });
        return version;
    }

    /**
     * The rule's new version in force as its approval's transaction leaves it, before anything runs after the commit:
     * no pass over its holders started (a test starts or runs it itself).
     */
    public static int inForceWithoutPass(JdbcListing store, ListRule rule, Instant at) throws Exception {
        int version = as(MAKER, () -> store.proposeRule(rule, AuditLog.currentActor(), at)).orElseThrow();
        as(CHECKER, () -> store.decideRule(rule.code(), version, RuleVersion.Status.APPROVED,
                AuditLog.currentActor(), at, "同意"));
        return version;
    }
}
