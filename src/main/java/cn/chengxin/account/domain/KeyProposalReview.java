package cn.chengxin.account.domain;

import java.util.Objects;

/**
 * Maker-checker (双人复核) for API keys: a key gives a program access to personal data, so it is issued only when a
 * system administrator other than the one who proposed it approves (least privilege and separation of duties,
 * RULES.md §10, GB/T 22239-2019 level 3; issue #3). Rejecting is a decision too and is the other administrator's; the
 * proposer's own "no" would be a withdrawal, which this platform does not offer. Taking a key away (revocation) needs
 * no second person: it only ever narrows access.
 */
public final class KeyProposalReview {

    private KeyProposalReview() {
    }

    /** Whether {@code decider} may approve or reject a proposal made by {@code proposer} (staff user ids). */
    public static boolean mayDecide(String proposer, String decider) {
        Objects.requireNonNull(proposer, "proposer");
        Objects.requireNonNull(decider, "decider");
        return !proposer.equals(decider);
    }
}
