package cn.chengxin.subject.domain;

/**
 * Where a subject's registered name came from (gaps review xxvii I9). A platform that relays registers each subject it
 * relays under the name the message carried, which may be empty or an old spelling: {@link #EXCHANGE} is provisional,
 * held against no row and no applicant, until one of the platform's own departments or the person's real-name
 * registration gives the name (RULES.md §1: the register is keyed by the number, the name checked against it).
 */
public enum NameSource {

    /** A row of one of this platform's own departments (ingestion), or demo and migrated data. */
    DEPARTMENT,
    /** The message a relayed subject was first received in: provisional. */
    EXCHANGE,
    /** The person's real-name registration (the real-name provider matched name, number and phone). */
    CITIZEN,
    /** An approved name change (gaps review xxv H6). */
    REVIEW,
    /**
     * A relayed subject's name as its origin (the platform whose message first registered it here) changed it
     * ({@link RelayedNames}): held against rows as a name of this platform's is, followed on the origin's next change.
     */
    ORIGIN;

    public boolean provisional() {
        return this == EXCHANGE;
    }
}
