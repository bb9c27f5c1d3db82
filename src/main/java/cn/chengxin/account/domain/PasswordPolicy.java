package cn.chengxin.account.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The complexity rules for staff and citizen passwords. GB/T 22239-2019 level 3 §8.1.4.1 a) requires that
 * "身份鉴别信息具有复杂度要求"; assessors expect at least 3 of the 4 character classes and a length of at least
 * 8, raised here to 10. Following NIST SP 800-63B §5.1.1.2, the password is also checked against a
 * blocklist of very common passwords and against the user's own data, and long passphrases (up to 128
 * characters) are allowed.
 *
 * <p>Character classes: upper-case {@code A–Z}, lower-case {@code a–z}, digits {@code 0–9}, and every other
 * character (punctuation, space, Chinese characters) as "symbol". Length counts Unicode code points. The
 * user name is only looked for when it has at least {@link #MIN_USERNAME_TO_CHECK} characters: a one- or
 * two-letter name would forbid random passwords without protecting anything.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    /** Character classes, of the four, that a password must mix. */
    public static final int MIN_CLASSES = 3;
    /** The longest run of one repeated character allowed ("aaa" yes, "aaaa" no). */
    public static final int MAX_IDENTICAL_RUN = 3;
    static final int MIN_USERNAME_TO_CHECK = 3;

    /**
     * Passwords that meet the length and class rules yet appear near the top of leaked-password lists,
     * compared case-insensitively. Lower case here.
     */
    static final Set<String> COMMON = Set.of(
            "password123!", "password@123", "password#123", "passw0rd!234", "passw0rd@123", "p@ssw0rd1234",
            "p@ssw0rd123", "p@ssword123", "qwerty12345!", "qwerty@12345", "qwer1234!@#$", "asdf1234!@#$",
            "zxcvbnm12345!", "zxc@12345678", "1qaz@wsx3edc", "1qaz!qaz2wsx", "1qaz2wsx#edc", "aa123456789!",
            "aa@123456789", "aa123456789", "abc@12345678", "abcd@1234567", "admin@123456", "admin123456!",
            "admin@12345", "root@1234567", "test@1234567", "huawei@123", "huawei@1234", "woaini@1314",
            "iloveyou123!", "welcome@2024", "welcome123!@", "changeme123!", "letmein1234!", "sunshine123!",
            "chengxin@123", "xinyong@123456");

    private PasswordPolicy() {
    }

    /**
     * Every rule that {@code password} breaks, in the order of {@link PasswordRule}; empty if it is
     * acceptable.
     *
     * @param username       the user's login name; must not appear in the password (case-insensitive)
     * @param extraForbidden further personal text that must not appear, such as the last 6 characters of the
     *                       identity number; {@code null} or blank if none
     */
    public static List<PasswordRule> violations(String password, String username, String extraForbidden) {
        String candidate = password == null ? "" : password;
        String folded = candidate.toLowerCase(Locale.ROOT);
        List<PasswordRule> broken = new ArrayList<>();
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH) {
            broken.add(PasswordRule.PASSWORD_TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            broken.add(PasswordRule.PASSWORD_TOO_LONG);
        }
        if (characterClasses(candidate) < MIN_CLASSES) {
            broken.add(PasswordRule.PASSWORD_TOO_SIMPLE);
        }
        if (username != null && username.strip().length() >= MIN_USERNAME_TO_CHECK
                && folded.contains(username.strip().toLowerCase(Locale.ROOT))) {
            broken.add(PasswordRule.PASSWORD_CONTAINS_USERNAME);
        }
        if (extraForbidden != null && !extraForbidden.isBlank()
                && folded.contains(extraForbidden.strip().toLowerCase(Locale.ROOT))) {
            broken.add(PasswordRule.PASSWORD_CONTAINS_PERSONAL_DATA);
        }
        if (COMMON.contains(folded)) {
            broken.add(PasswordRule.PASSWORD_COMMON);
        }
        if (longestRun(candidate) > MAX_IDENTICAL_RUN) {
            broken.add(PasswordRule.PASSWORD_REPEATS);
        }
        return Collections.unmodifiableList(broken);
    }

    /** Whether {@code password} breaks no rule. */
    public static boolean isAcceptable(String password, String username, String extraForbidden) {
        return violations(password, username, extraForbidden).isEmpty();
    }

    private static int characterClasses(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static int longestRun(String password) {
        int longest = 0;
        int run = 0;
        int previous = -1;
        for (int i = 0; i < password.length(); ) {
            int codePoint = password.codePointAt(i);
            run = codePoint == previous ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = codePoint;
            i += Character.charCount(codePoint);
        }
        return longest;
    }
}
