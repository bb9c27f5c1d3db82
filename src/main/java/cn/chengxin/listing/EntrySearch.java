package cn.chengxin.listing;

/**
 * What a reviewer looks for in the console's entries: any of a status, a list, a rule code, the start of the name
 * stored on the entry, and the pseudonym of an identity number (never the number itself), among the entries of
 * {@code department} (a department's operators see their own department's only). {@code null} is "any".
 */
public record EntrySearch(EntryStatus status, ListType type, String ruleCode, String name, String pseudonym,
                          String department) {

    /** Among every department's entries, as the credit office's reviewers search them. */
    public EntrySearch(EntryStatus status, ListType type, String ruleCode, String name, String pseudonym) {
        this(status, type, ruleCode, name, pseudonym, null);
    }

    /** The review queue is worked oldest proposal first; the other views show the latest change first. */
    public boolean oldestProposalFirst() {
        return status == EntryStatus.PROPOSED;
    }
}
