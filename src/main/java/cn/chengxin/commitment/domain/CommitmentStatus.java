package cn.chengxin.commitment.domain;

/** Where a commitment stands: in force until its due date; then kept, unless a department reported a breach. */
public enum CommitmentStatus {
    IN_FORCE("履约中"), KEPT("已履约"), BREACHED("已违诺");

    private final String label;

    CommitmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
