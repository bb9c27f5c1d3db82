package cn.chengxin.creditfile;

/**
 * The states of a record (issue #4): only ACTIVE and IN_DISPUTE records are shown and used. DECLINED: its subject
 * refused to have it recorded (RULES.md §2, an honour): kept, shown to nobody but the subject, used for nothing.
 */
public enum RecordStatus {
    ACTIVE("有效"), IN_DISPUTE("异议中"), CORRECTED("已更正"), REVOKED("已撤销"), REPAIRED("已修复"),
    EXPIRED("公示期满"), ARCHIVED("已归档"), DECLINED("本人拒绝记录");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean shown() {
        return this == ACTIVE || this == IN_DISPUTE;
    }
}
