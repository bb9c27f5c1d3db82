package cn.chengxin.account.domain;

/**
 * How the credit office answers a 个人信息权利请求. Whatever the outcome, the answer is written; a refusal, whole or in
 * part, also gives its reasons (PIPL Art. 50 ¶1: 拒绝个人行使权利的请求的，应当说明理由), and tells the person that they
 * may sue (Art. 50 ¶2).
 */
public enum RightsRequestOutcome {
    DONE("已办理", false),
    PARTLY("部分办理", true),
    REFUSED("不予办理", true);

    private final String label;
    private final boolean refuses;

    RightsRequestOutcome(String label, boolean refuses) {
        this.label = label;
        this.refuses = refuses;
    }

    public String label() {
        return label;
    }

    /** Whether the answer refuses something the person asked, and so must give reasons (PIPL Art. 50). */
    public boolean refuses() {
        return refuses;
    }
}
