package cn.chengxin.objection.domain;

/**
 * How an objection ends (RULES.md §5) and what becomes of the record: deleted for a factual error; corrected or
 * supplemented (the department delivers the corrected version through collection, which supersedes this one, and
 * the current version stands without the dispute mark); display stopped because its period is over; removed from the list it put the subject on (the
 * record stays); or upheld, with the reasons the subject reads (PIPL Art. 50).
 */
public enum Outcome {
    DELETE("删除（信息有误）", RecordEffect.REVOKE, false),
    CORRECT("更正", RecordEffect.RESTORE, false),
    SUPPLEMENT("补充", RecordEffect.RESTORE, false),
    STOP_DISPLAY("停止公示（公示期已满）", RecordEffect.EXPIRE, false),
    REMOVE_FROM_LIST("移出名单", RecordEffect.RESTORE, true),
    UPHOLD("维持原记录", RecordEffect.RESTORE, false);

    /** What the record becomes; RESTORE puts it back to 有效 without the dispute mark. */
    public enum RecordEffect { REVOKE, EXPIRE, RESTORE }

    private final String label;
    private final RecordEffect effect;
    private final boolean endsListEntries;

    Outcome(String label, RecordEffect effect, boolean endsListEntries) {
        this.label = label;
        this.effect = effect;
        this.endsListEntries = endsListEntries;
    }

    public String label() {
        return label;
    }

    public RecordEffect effect() {
        return effect;
    }

    /** Whether the list entries resting on the record exit (they also exit whenever the record stops counting). */
    public boolean endsListEntries() {
        return endsListEntries || effect != RecordEffect.RESTORE;
    }
}
