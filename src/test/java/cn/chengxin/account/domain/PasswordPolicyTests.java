package cn.chengxin.account.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.chengxin.account.domain.PasswordRule.PASSWORD_COMMON;
import static cn.chengxin.account.domain.PasswordRule.PASSWORD_CONTAINS_PERSONAL_DATA;
import static cn.chengxin.account.domain.PasswordRule.PASSWORD_CONTAINS_USERNAME;
import static cn.chengxin.account.domain.PasswordRule.PASSWORD_REPEATS;
import static cn.chengxin.account.domain.PasswordRule.PASSWORD_TOO_LONG;
import static cn.chengxin.account.domain.PasswordRule.PASSWORD_TOO_SHORT;
import static cn.chengxin.account.domain.PasswordRule.PASSWORD_TOO_SIMPLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password complexity: at least 10 and at most 128 characters, 3 of 4 classes, no user name or identity
 * digits, not a common password, no run of 4 identical characters.
 */
class PasswordPolicyTests {

    private static final String USER = "clerk";

    @Test
    void theDemoPasswordPasses() {
        assertThat(PasswordPolicy.violations("Chengxin@2026", "clerk", null)).isEmpty();
        assertThat(PasswordPolicy.isAcceptable("Chengxin@2026", "clerk", "12345X")).isTrue();
    }

    /** One row per rule, each password breaking exactly the rules listed ("-" = none). */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Ab1!Ab1!Ab      | -",
            "Ab1!Ab1!A       | PASSWORD_TOO_SHORT",
            "abcdefgh12      | PASSWORD_TOO_SIMPLE",
            "ABCDEFGH!!      | PASSWORD_TOO_SIMPLE",
            "abcdefghij      | PASSWORD_TOO_SIMPLE",
            "abcdefgh1!      | -",
            "ABCDEFGH1!      | -",
            "ABCDefghij      | PASSWORD_TOO_SIMPLE",
            "ABCDefghi1      | -",
            "abcd efgh1      | -",
            "信用驻马店abc12  | -",
            "short        | PASSWORD_TOO_SHORT,PASSWORD_TOO_SIMPLE",
            "MyClerkPass1!   | PASSWORD_CONTAINS_USERNAME",
            "CLERK-Is-2026   | PASSWORD_CONTAINS_USERNAME",
            "Zmd#58123X9a    | PASSWORD_CONTAINS_PERSONAL_DATA",
            "Zmd#58123x9a    | PASSWORD_CONTAINS_PERSONAL_DATA",
            "Password123!    | PASSWORD_COMMON",
            "PASSWORD123!    | PASSWORD_COMMON",
            "Qwerty12345!    | PASSWORD_COMMON",
            "Aa123456789!    | PASSWORD_COMMON",
            "P@ssw0rd1234    | PASSWORD_COMMON",
            "1qaz@WSX3edc    | PASSWORD_COMMON",
            "Woaini@1314     | PASSWORD_COMMON",
            "Huawei@123      | PASSWORD_COMMON",
            "Password123!x   | -",
            "Xinyong#aaa9    | -",
            "Xinyong#aaaa9   | PASSWORD_REPEATS",
            "Xinyong#9999    | PASSWORD_REPEATS",
            "Xinyong#99a99   | -",
            "aaaa            | PASSWORD_TOO_SHORT,PASSWORD_TOO_SIMPLE,PASSWORD_REPEATS",
            "clerk1111       | PASSWORD_TOO_SHORT,PASSWORD_TOO_SIMPLE,PASSWORD_CONTAINS_USERNAME,PASSWORD_REPEATS"})
    void reportsExactlyTheBrokenRules(String password, String expected) {
        List<PasswordRule> rules = "-".equals(expected) ? List.of()
                : Arrays.stream(expected.split(",")).map(PasswordRule::valueOf).toList();

        assertThat(PasswordPolicy.violations(password, USER, "58123X")).containsExactlyElementsOf(rules);
    }

    @Test
    void lengthBoundariesAreTenAndOneHundredTwentyEight() {
        String nine = "Ab1!" + "xyz12";
        String ten = nine + "q";
        String base128 = "Ab1!" + "xyz".repeat(41) + "q";

        assertThat(nine).hasSize(9);
        assertThat(PasswordPolicy.violations(nine, USER, null)).containsExactly(PASSWORD_TOO_SHORT);
        assertThat(PasswordPolicy.violations(ten, USER, null)).isEmpty();
        assertThat(base128).hasSize(128);
        assertThat(PasswordPolicy.violations(base128, USER, null)).isEmpty();
        assertThat(PasswordPolicy.violations(base128 + "r", USER, null)).containsExactly(PASSWORD_TOO_LONG);
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Nine code points, one of them outside the BMP (two UTF-16 units).
        String nine = "Ab1!xyz1\uD83D\uDE00";

        assertThat(nine).hasSize(10);
        assertThat(PasswordPolicy.violations(nine, USER, null)).containsExactly(PASSWORD_TOO_SHORT);
    }

    @Test
    void aVeryShortUserNameIsNotLookedFor() {
        assertThat(PasswordPolicy.violations("Kline#20260", "li", null)).isEmpty();
        assertThat(PasswordPolicy.violations("Klines#20260", "lin", null)).containsExactly(PASSWORD_CONTAINS_USERNAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void noUserNameOrExtraTextChecksNothingForThem(String blank) {
        assertThat(PasswordPolicy.violations("Chengxin@2026", blank, blank)).isEmpty();
        assertThat(PasswordPolicy.violations("Chengxin@2026", null, null)).isEmpty();
    }

    @Test
    void noPasswordBreaksTheLengthAndClassRules() {
        assertThat(PasswordPolicy.violations(null, USER, null))
                .containsExactly(PASSWORD_TOO_SHORT, PASSWORD_TOO_SIMPLE);
    }

    @Test
    void theCommonListHasAboutThirtyEntriesThatWouldOtherwiseBeLongEnough() {
        assertThat(PasswordPolicy.COMMON).hasSizeGreaterThanOrEqualTo(30);
        assertThat(PasswordPolicy.COMMON).allSatisfy(common -> {
            assertThat(common).isEqualTo(common.toLowerCase(Locale.ROOT));
            assertThat(common.length()).isGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);
        });
    }

    @Test
    void rulesHaveStableCodesAndChineseMessages() {
        assertThat(PasswordRule.values()).extracting(PasswordRule::code).containsExactly(
                "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "PASSWORD_TOO_SIMPLE", "PASSWORD_CONTAINS_USERNAME",
                "PASSWORD_CONTAINS_PERSONAL_DATA", "PASSWORD_COMMON", "PASSWORD_REPEATS");
        assertThat(PASSWORD_TOO_SHORT.message()).isEqualTo("密码长度不得少于10个字符");
        assertThat(PASSWORD_TOO_LONG.message()).isEqualTo("密码长度不得超过128个字符");
        assertThat(PASSWORD_REPEATS.message()).isEqualTo("密码不得包含4个及以上连续相同的字符");
        assertThat(PasswordRule.values()).allSatisfy(rule ->
                assertThat(rule.message()).containsPattern("\\p{IsHan}"));
        assertThat(List.of(PASSWORD_COMMON, PASSWORD_CONTAINS_PERSONAL_DATA, PASSWORD_CONTAINS_USERNAME,
                PASSWORD_TOO_SIMPLE)).extracting(PasswordRule::message).doesNotHaveDuplicates();
    }
}
