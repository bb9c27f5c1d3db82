package cn.chengxin.listing;

/**
 * What a reviewer looks for in the console's entries: any of a status, a list, a rule code, the start of the name
 * stored on the entry, and the pseudonym of an identity number (never the number itself). {@code null} is "any".
 */
public record EntrySearch(EntryStatus status, ListType type, String ruleCode, String name, String pseudonym) {

    /** The review queue is worked oldest proposal first; the other views show the latest change first. */
    public boolean oldestProposalFirst() {
        return status == EntryStatus.PROPOSED;
    }
}
