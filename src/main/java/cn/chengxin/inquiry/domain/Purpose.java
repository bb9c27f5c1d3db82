package cn.chengxin.inquiry.domain;

/**
 * The closed list of purposes a citizen can authorise a query for (RULES.md §9: the authorisation names one
 * purpose and the information is used only for it — 征信业管理条例 Art. 18, 20; Shenzhen Art. 44).
 * {@link #showsScore()} says whether the score and its explanation belong in a report for that purpose: they do
 * for credit decisions (lending, leasing, tenancy), not for hiring or bidding, where a number about a person's
 * whole life would weigh more than the records the decision needs (PIPL Art. 24: automated judgements are not
 * the sole basis of a decision).
 * <p>
 * {@link #reportKind()} is the one kind of report a consent for the purpose lets the institution take (gaps review
 * xxiv G6): the consent is to a look for that purpose, so the report carries what the purpose needs and no more
 * (RULES.md §9, 征信业管理条例 Art. 18, 20; PIPL Art. 6, the minimum the purpose needs):
 * <ul>
 *     <li>{@link #EMPLOYMENT} — the occupational report (职业信用报告, issue #7: the report for the key
 *     occupational groups): an employer decides on a person's fitness for a post, which qualifications, licences,
 *     penalties, judgements, lists, commitments, evaluations and honours bear on; how the person performs private
 *     contracts (student-loan arrears, 合同履行), their registrations, levies and payments are not a hiring
 *     question;</li>
 *     <li>{@link #LENDING}, {@link #LEASING}, {@link #TENANCY} — the authorised report (授权查询版): a credit
 *     decision weighs how the person keeps their obligations of every kind (loan arrears, contract performance,
 *     compulsory enforcement), which the occupational report leaves out;</li>
 *     <li>{@link #BIDDING}, {@link #BUSINESS_COOPERATION} — the authorised report too: the person is a counterparty
 *     to a contract, so contract performance (合同履行), the abnormal operations list (经营异常名录) and compulsory
 *     enforcement (行政强制) are what the decision needs, and the occupational report has none of them; the score
 *     stays out as for hiring ({@link #showsScore()}).</li>
 * </ul>
 */
public enum Purpose {
    EMPLOYMENT("入职招聘", false, ReportKind.OCCUPATIONAL),
    LENDING("信贷审批", true, ReportKind.AUTHORISED),
    LEASING("融资租赁", true, ReportKind.AUTHORISED),
    TENANCY("房屋租赁", true, ReportKind.AUTHORISED),
    BIDDING("招标投标", false, ReportKind.AUTHORISED),
    BUSINESS_COOPERATION("商务合作", false, ReportKind.AUTHORISED);

    private final String label;
    private final boolean showsScore;
    private final ReportKind reportKind;

    Purpose(String label, boolean showsScore, ReportKind reportKind) {
        this.label = label;
        this.showsScore = showsScore;
        this.reportKind = reportKind;
    }

    public String label() {
        return label;
    }

    public boolean showsScore() {
        return showsScore;
    }

    /** The only kind of report a consent for this purpose allows an institution to take (see the class comment). */
    public ReportKind reportKind() {
        return reportKind;
    }
}
