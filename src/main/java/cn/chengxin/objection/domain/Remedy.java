package cn.chengxin.objection.domain;

/**
 * What a decided objection's notice tells the person they may still do (L3 of gaps-review-xxx; 98号 四(三), 镇江 四(三)
 * "异议处理、行政复议等管理制度"; RULES.md §5): an objection not granted in full — the record upheld, or corrected or
 * supplemented rather than taken out — may be reviewed once here (复核), and the decision contested by 行政复议 or an
 * administrative lawsuit; a review's own decision only by the latter two. An objection granted in full (the record
 * deleted, its display stopped, the list entry ended, the omitted record supplied) leaves nothing to contest, and a case
 * ended without a decision (the record gone meanwhile) has none to review.
 */
public enum Remedy {
    NONE, REVIEW_OR_APPEAL, APPEAL;

    public static Remedy of(Outcome outcome, boolean againstOmission, boolean review) {
        if (!outcome.decidable() || grantedInFull(outcome, againstOmission)) {
            return NONE;
        }
        return review ? APPEAL : REVIEW_OR_APPEAL;
    }

    private static boolean grantedInFull(Outcome outcome, boolean againstOmission) {
        return switch (outcome) {
            case DELETE, STOP_DISPLAY, REMOVE_FROM_LIST -> true;
            case SUPPLEMENT -> againstOmission;
            default -> false;
        };
    }
}
