package cn.chengxin.inquiry.domain;

/**
 * The closed list of purposes a citizen can authorise a query for (RULES.md §9: the authorisation names one
 * purpose and the information is used only for it — 征信业管理条例 Art. 18, 20; Shenzhen Art. 44).
 * {@link #showsScore()} says whether the score and its explanation belong in a report for that purpose: they do
 * for credit decisions (lending, leasing, tenancy), not for hiring or bidding, where a number about a person's
 * whole life would weigh more than the records the decision needs (PIPL Art. 24: automated judgements are not
 * the sole basis of a decision).
 */
public enum Purpose {
    EMPLOYMENT("入职招聘", false),
    LENDING("信贷审批", true),
    LEASING("融资租赁", true),
    TENANCY("房屋租赁", true),
    BIDDING("招标投标", false),
    BUSINESS_COOPERATION("商务合作", false);

    private final String label;
    private final boolean showsScore;

    Purpose(String label, boolean showsScore) {
        this.label = label;
        this.showsScore = showsScore;
    }

    public String label() {
        return label;
    }

    public boolean showsScore() {
        return showsScore;
    }
}
