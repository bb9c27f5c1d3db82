package cn.chengxin.objection.domain;

/**
 * How an objection ends (RULES.md §5) and what becomes of the record: deleted for a factual error; corrected or
 * supplemented (the department delivers the corrected version through collection, which supersedes this one, and
 * the current version stands without the dispute mark); display stopped because its period is over; removed from the
 * list it put the subject on (the record stays); or upheld, with the reasons the subject reads (PIPL Art. 50).
 * <p>
 * An organisation's record is recorded on its responsible persons too, as linked copies (RULES.md §1). An outcome that
 * takes the record out of display (deleted, display stopped) takes its copies out in the same transaction; an outcome
 * on a copy — one person's objection, e.g. that they were not the legal representative — acts on that copy only.
 */
public enum Outcome {
    DELETE("删除（信息有误）", RecordEffect.REVOKE, false),
    CORRECT("更正", RecordEffect.RESTORE, false),
    SUPPLEMENT("补充", RecordEffect.RESTORE, false),
    STOP_DISPLAY("停止公示（公示期已满）", RecordEffect.EXPIRE, false),
    REMOVE_FROM_LIST("移出名单", RecordEffect.RESTORE, true),
    UPHOLD("维持原记录", RecordEffect.RESTORE, false);

    /**
     * What the record becomes: REVOKE and EXPIRE take it (and its linked copies) out of display; RESTORE puts it back to
     * 有效 without the dispute mark.
     */
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

    /** Whether the record stops being shown and used: it and the list entries resting on it (and its copies) end. */
    public boolean endsDisplay() {
        return effect == RecordEffect.REVOKE || effect == RecordEffect.EXPIRE;
    }

    /** Whether the list entries resting on the record exit (they also exit whenever the record stops counting). */
    public boolean endsListEntries() {
        return endsListEntries || endsDisplay();
    }
}
