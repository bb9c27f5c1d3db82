package cn.chengxin.commitment.domain;

/**
 * Where a commitment stands: in force until its due date; then kept, unless a department reported a breach. Kept, it
 * owes its 信用承诺信息 record until collection takes it ({@code KEPT_RECORD_OWED}); breached, its 违背信用承诺信息
 * record ({@code BREACHED_RECORD_OWED}): the mark and the record cannot be one transaction, and the record is
 * submitted again until it is taken. A commitment whose purpose ended before it was due lapses ({@code LAPSED}): a
 * repair commitment when the repair is refused (RULES.md §6: it is a condition of the repair, none happened), after
 * which no breach of it can be reported (RULES.md §2: a breach record needs a commitment in force behind it).
 */
public enum CommitmentStatus {
    IN_FORCE("履约中"), KEPT_RECORD_OWED("已履约"), KEPT("已履约"), BREACHED_RECORD_OWED("已违诺"), BREACHED("已违诺"),
    LAPSED("已失效");

    private final String label;

    CommitmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
