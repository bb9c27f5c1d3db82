package cn.chengxin.account.domain;

/**
 * A password complexity rule of {@link PasswordPolicy} that a proposed password breaks. Each value is a
 * stable, machine-readable code that forms and API clients rely on; never rename one. Messages, in Chinese,
 * state the rule and never echo the password.
 */
public enum PasswordRule {
    PASSWORD_TOO_SHORT("密码长度不得少于" + PasswordPolicy.MIN_LENGTH + "个字符"),
    PASSWORD_TOO_LONG("密码长度不得超过" + PasswordPolicy.MAX_LENGTH + "个字符"),
    PASSWORD_TOO_SIMPLE("密码须至少包含大写字母、小写字母、数字、特殊字符中的" + PasswordPolicy.MIN_CLASSES + "类"),
    PASSWORD_CONTAINS_USERNAME("密码不得包含用户名"),
    PASSWORD_CONTAINS_PERSONAL_DATA("密码不得包含证件号码后6位等个人信息"),
    PASSWORD_COMMON("密码过于常见，容易被猜中，请另选"),
    PASSWORD_REPEATS("密码不得包含" + (PasswordPolicy.MAX_IDENTICAL_RUN + 1) + "个及以上连续相同的字符");

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
