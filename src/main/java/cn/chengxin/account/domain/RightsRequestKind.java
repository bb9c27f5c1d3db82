package cn.chengxin.account.domain;

/**
 * What a person asks under PIPL Chapter IV (Art. 44-50) when self-service does not already do it: the kinds of the
 * 个人信息权利请求 form. A copy, a correction of a record and a withdrawal of consent have their own self-service ways
 * ({@code /me/copy.json}, objections, {@code /me/consents}); the form takes them too, for what those ways do not reach.
 */
public enum RightsRequestKind {
    /** 查阅、复制 (Art. 45). */
    ACCESS("查阅复制"),
    /** 更正、补充 (Art. 46). */
    CORRECTION("更正补充"),
    /** 删除 (Art. 47). */
    DELETION("删除"),
    /** 解释说明 of the processing rules (Art. 48). */
    EXPLANATION("解释说明"),
    /** 撤回同意 (Art. 15). */
    CONSENT_WITHDRAWAL("撤回同意"),
    /** A complaint about the processing (Art. 50, 65). */
    COMPLAINT("投诉"),
    OTHER("其他");

    private final String label;

    RightsRequestKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
