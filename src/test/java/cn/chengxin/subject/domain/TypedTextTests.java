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

    /** A first-generation number: 河南 410105, born 1980-03-07, sequence 123, no check character. */
    private static final String OLD_NUMBER = "410105800307123";

    @Test
    void refusesAFirstGenerationFifteenDigitNumberPlainOrInFullWidthDigits() {
        String fullWidth = OLD_NUMBER.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
                .reduce("", String::concat);
        for (String text : new String[] {"当事人" + OLD_NUMBER + "已履行", OLD_NUMBER, "旧证号：" + fullWidth + "。",
                "身份证 110105491231002 号"}) {
            assertThatCode(() -> TypedText.requireNoIdentityNumber("note", "审核意见", text))
                    .as(text).isInstanceOf(TypedText.HoldsIdentityNumber.class);
        }
    }

    @Test
    void letsThroughFifteenDigitRunsThatCannotBeAFirstGenerationNumber() {
        for (String text : new String[] {
                "罚款 123456789012345 元",                // 12 is a province, but 1978-90-12 no date
                "990105800307123",                       // 99 names no province
                "410105800230123", "410105801301123",    // 30 February, month 13
                "4101058003071234", "20" + OLD_NUMBER,   // part of a longer run of digits
                "订单号 202603011234567", "电话 13800000000，合同 41010580030",
                "驻市监罚〔2026〕12号，罚款 150000 元"}) {
            assertThatCode(() -> TypedText.requireNoIdentityNumber("note", "审核意见", text)).as(text)
                    .doesNotThrowAnyException();
        }
    }

    /** What is refused from staff is what citizens' texts are stored masked of, so that a masked text passes. */
    @Test
    void aFirstGenerationNumberIsMaskedAsOnScreensWhereCitizensTextsAreKept() {
        String text = "本人旧身份证号" + OLD_NUMBER + "，记录有误";
        String masked = cn.chengxin.shared.privacy.IdentityRedaction.redact(text);

        assertThat(masked).isEqualTo("本人旧身份证号4101*******7123，记录有误");
        assertThatCode(() -> TypedText.requireNoIdentityNumber("note", "审核意见", masked))
                .doesNotThrowAnyException();
        assertThat(TypedText.shownAgain(text)).isEqualTo(masked);
    }

    @Test
    void letsThroughACompanysAllDigitCreditCodeAndABusinessNumberWhoseCheckCharactersFit() {
        for (String text : new String[] {"营业执照变更 914101057390124487", "业务编号 202612030000012349",
                "拟列入企业（统一社会信用代码 914101057390124487）"}) {
            assertThatCode(() -> TypedText.requireNoIdentityNumber("purpose", "查询事由", text)).as(text)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void refusesANumberEndingInXWrittenPlainOrInGroups() {
        for (String text : new String[] {"当事人 41170219880815100X", "当事人 4117 0219 8808 1510 0x",
                "411702-19880815-100X 已履行"}) {
            assertThatCode(() -> TypedText.requireNoIdentityNumber("note", "审核意见", text))
                    .as(text).isInstanceOf(TypedText.HoldsIdentityNumber.class);
        }
    }

    @Test
    void aTextShownAgainHasItsNumberMaskedAndIsOtherwiseAsTyped() {
        assertThat(TypedText.shownAgain("当事人 " + NUMBER + " 已履行")).isEqualTo("当事人 "
                + Masking.identityNumber(NUMBER) + " 已履行");
        assertThat(TypedText.shownAgain("已履行（2026）豫1702执1234号")).isEqualTo("已履行（2026）豫1702执1234号");
        assertThat(TypedText.shownAgain("号码 " + NUMBER.substring(0, 6) + " " + NUMBER.substring(6)))
                .as("written in groups: masked keeping its groups").isEqualTo("号码 " + NUMBER.substring(0, 4)
                        + "** ********" + NUMBER.substring(14));
        assertThat(TypedText.shownAgain(null)).isNull();
        assertThat(TypedText.shownAgain("联系人电话 13912345678，护照 E12345678")).as("M5: not refused, kept as typed")
                .isEqualTo("联系人电话 13912345678，护照 E12345678");
    }

    /** From a department's system: a number is refused; a 15-digit run, which no system can retype, kept masked. */
    @Test
    void aSystemsTextKeepsAFifteenDigitRunMaskedAndIsRefusedANumber() {
        assertThat(TypedText.fromSystem("purpose", "核查事由", "注册号410105800307123"))
                .isEqualTo("注册号4101*******7123");
        assertThat(TypedText.fromSystem("purpose", "核查事由", "营业执照变更 914101057390124487"))
                .isEqualTo("营业执照变更 914101057390124487");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TypedText.fromSystem("purpose", "核查事由",
                "当事人 " + NUMBER)).isInstanceOf(TypedText.HoldsIdentityNumber.class);
        assertThat(TypedText.fromSystem("note", "反馈说明", null)).isNull();
    }
}
