package cn.chengxin.subject.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TypedTextTests {

    /** 411702 19900307 123 + its check character. */
    private static final String NUMBER = "41170219900307123" + ResidentIdentityNumber.checkCharFor("41170219900307123");

    @Test
    void refusesATextHoldingAResidentIdentityNumberAndNamesTheField() {
        TypedText.HoldsIdentityNumber refused = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                () -> TypedText.requireNoIdentityNumber("reason", "移出原因", "当事人 " + NUMBER + " 已履行"));

        assertThat(refused.code()).isEqualTo("FREE_TEXT_HOLDS_IDENTITY_NUMBER");
        assertThat(refused.field()).isEqualTo("reason");
        assertThat(refused.getMessage()).contains("移出原因").doesNotContain(NUMBER);
    }

    @Test
    void refusesTheNumberWrittenInGroupsOrInFullWidthDigits() {
        String grouped = NUMBER.substring(0, 6) + " " + NUMBER.substring(6, 14) + " " + NUMBER.substring(14);
        String fullWidth = NUMBER.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
                .reduce("", String::concat);

        for (String text : new String[] {grouped, "号码" + fullWidth}) {
            assertThatCode(() -> TypedText.requireNoIdentityNumber("note", "审核意见", text))
                    .as(text).isInstanceOf(TypedText.HoldsIdentityNumber.class);
        }
    }

    @Test
    void letsThroughCaseNumbersDigitRunsWithAWrongCheckCharacterAndEmptyText() {
        String wrongCheck = NUMBER.substring(0, 17) + (NUMBER.charAt(17) == '1' ? '2' : '1');
        for (String text : new String[] {"（2026）豫1702执1234号，已履行", wrongCheck, "", null,
                "业务编号 202603010000123456789"}) {
            assertThatCode(() -> TypedText.requireNoIdentityNumber("note", "审核意见", text)).as(String.valueOf(text))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aTextShownAgainHasItsNumberMaskedAndIsOtherwiseAsTyped() {
        assertThat(TypedText.shownAgain("当事人 " + NUMBER + " 已履行")).isEqualTo("当事人 "
                + Masking.identityNumber(NUMBER) + " 已履行");
        assertThat(TypedText.shownAgain("已履行（2026）豫1702执1234号")).isEqualTo("已履行（2026）豫1702执1234号");
        assertThat(TypedText.shownAgain("号码 " + NUMBER.substring(0, 6) + " " + NUMBER.substring(6))).isEmpty();
        assertThat(TypedText.shownAgain(null)).isNull();
    }
}
