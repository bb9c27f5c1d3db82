package cn.chengxin.account;

/**
 * Why a key was revoked, or an institution entered in the violation register (违规机构名单): a closed list, so that
 * the credit office can show an inspector its sanctions by ground (国办发〔2016〕98号 四(一) "征信机构及相关人员违规经营
 * '黑名单'"; 黄石 三(一) "不得非法买卖、提供或者公开个人信用信息"; RULES.md §7, last line; gaps review xxx L4). The
 * names are stored codes; never rename one.
 */
public enum ViolationGround {
    /** 违规查询: a report obtained without the person's valid authorisation. */
    UNLAWFUL_QUERY("违规查询"),
    /** 超范围使用: reports used beyond the purpose the person authorised (RULES.md §9). */
    BEYOND_PURPOSE("超范围使用"),
    /** 泄露: personal credit information sold, provided or published (黄石 三(一)). */
    DISCLOSURE("泄露"),
    /** 其他: any other ground, a rotation or the end of the use included; the reference says which. */
    OTHER("其他");

    private final String label;

    ViolationGround(String label) {
        this.label = label;
    }

    /** The Chinese name, for the audit log, which is read in Chinese. */
    public String label() {
        return label;
    }

    /** The key naming the ground in the reader's language, as the register page does (for structured audit details). */
    public String messageKey() {
        return "console.violations.ground." + name();
    }
}
