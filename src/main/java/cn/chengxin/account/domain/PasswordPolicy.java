package cn.chengxin.account.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Password complexity for staff and citizens (GB/T 22239-2019 level 3, 8.1.4.1: identification with
 * complexity requirements): 10–128 characters, three of four character classes, not containing the user
 * name or the given personal fragment, not a well-known password, no runs of four identical characters.
 */
public final class PasswordPolicy {

    private static final Set<String> COMMON = Set.of("password123!", "qwerty12345!", "aa123456789!", "p@ssw0rd1234",
            "password@123", "admin@123456", "1qaz@wsx3edc", "1qaz2wsx#edc", "qwer1234!@#$", "abc@12345678",
            "welcome@2024", "welcome@2025", "welcome@2026", "p@ssword1234", "passw0rd!234", "zaq1@wsx3edc",
            "iloveyou@123", "china@123456", "woaini@1314", "admin123456!", "root@1234567", "test@1234567",
            "changeme@123", "letmein@1234", "qwe123!@#asd", "asdf1234!@#$", "1q2w3e4r5t!@", "abcd@1234567",
            "huawei@12345", "a123456789@");

    private PasswordPolicy() {
    }

    /**
     * @param username       the user name or phone number, which the password must not contain
     * @param extraForbidden another fragment it must not contain (e.g. the last six characters of the
     *                       identity number), or {@code null}
     */
    public static List<PasswordRule> violations(String password, String username, String extraForbidden) {
        List<PasswordRule> broken = new ArrayList<>();
        if (password.length() < 10) {
            broken.add(PasswordRule.PASSWORD_TOO_SHORT);
        }
        if (password.length() > 128) {
            broken.add(PasswordRule.PASSWORD_TOO_LONG);
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            broken.add(PasswordRule.PASSWORD_TOO_SIMPLE);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (contains(lower, username) || contains(lower, extraForbidden)) {
            broken.add(PasswordRule.PASSWORD_CONTAINS_USERNAME);
        }
        if (COMMON.contains(lower)) {
            broken.add(PasswordRule.PASSWORD_COMMON);
        }
        for (int i = 3; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c == password.charAt(i - 1) && c == password.charAt(i - 2) && c == password.charAt(i - 3)) {
                broken.add(PasswordRule.PASSWORD_REPEATS);
                break;
            }
        }
        return broken;
    }

    private static boolean contains(String lowerPassword, String fragment) {
        return fragment != null && fragment.length() >= 3
                && lowerPassword.contains(fragment.toLowerCase(Locale.ROOT));
    }
}
