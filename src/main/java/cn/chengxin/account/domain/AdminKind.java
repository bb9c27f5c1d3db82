package cn.chengxin.account.domain;

/** The three administrators (三员, GB/T 22239-2019 8.1.4.2). */
public enum AdminKind {
    SYSTEM("系统管理员"), SECURITY("安全管理员"), AUDIT("审计管理员");

    private final String label;

    AdminKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
