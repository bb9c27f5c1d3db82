package cn.chengxin.scoring.domain;

/**
 * How the credit office answers a request for human review of a score (PIPL Art. 24). Either way the answer gives
 * the reasons in writing (PIPL Art. 50); a record the person thinks wrong is contested by an objection (RULES.md §5),
 * which the answer may advise.
 */
public enum ReviewOutcome {
    /** The score follows from the records that count and the model in force: it stands. */
    UPHELD("维持评分"),
    /** The reviewer found the score out of date or wrong and had it computed again from the records. */
    RESCORED("已重新计算"),
    /**
     * The reviewer found that a record behind the score may be wrong, which only an objection decides (RULES.md §5):
     * an objection is filed on that record for the person, with their reasons, and the review is closed by it
     * (gaps-review-xxiv G12).
     */
    OBJECTION("转异议处理");

    private final String label;

    ReviewOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
