package cn.chengxin.account.domain;

/** A password rule broken, with its stable code and the message the user reads. */
public enum PasswordRule {
    PASSWORD_TOO_SHORT("密码至少 10 位"),
    PASSWORD_TOO_LONG("密码最多 128 位"),
    PASSWORD_TOO_SIMPLE("密码须含大写字母、小写字母、数字、符号中的至少三类"),
    PASSWORD_CONTAINS_USERNAME("密码不能包含用户名、手机号码或证件号码"),
    PASSWORD_COMMON("密码过于常见"),
    PASSWORD_REPEATS("密码不能有 4 个或更多相同字符连续出现");

    private final String message;

    PasswordRule(String message) {
        this.message = message;
    }

    public String code() {
        return name();
    }

    public String message() {
        return message;
    }
}
