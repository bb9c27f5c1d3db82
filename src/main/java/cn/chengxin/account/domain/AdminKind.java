package cn.chengxin.account.domain;

/**
 * The three administrators of 三员分立 (GB/T 22239-2019 level 3 §8.1.5 安全管理中心: 系统管理 §8.1.5.1,
 * 审计管理 §8.1.5.2, 安全管理 §8.1.5.3): the system administrator runs the platform, the security
 * administrator manages accounts, roles and security policy, the audit administrator reviews the others'
 * actions. {@link AdminRoles} keeps any one account to a single kind. The names are stable codes; never
 * rename one.
 */
public enum AdminKind {
    SYSTEM("系统管理员"),
    SECURITY("安全管理员"),
    AUDIT("审计管理员");

    private final String label;

    AdminKind(String label) {
        this.label = label;
    }

    /** The Chinese title shown in the console. */
    public String label() {
        return label;
    }
}
