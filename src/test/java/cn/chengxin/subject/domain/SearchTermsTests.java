package cn.chengxin.subject.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTests {

    /** 11010519491231002X with a valid check character (GB 11643). */
    private static final String RESIDENT = "11010519491231002X";

    @Test
    void aTermWithDigitsAndNoChineseCharacterIsANumber() {
        assertThat(SearchTerms.isNumber("E12345678")).as("a passport").isTrue();
        assertThat(SearchTerms.isNumber("41010519900307")).as("a resident number with digits missing").isTrue();
        assertThat(SearchTerms.isNumber("张三")).isFalse();
        assertThat(SearchTerms.isNumber("John Smith")).isFalse();
    }

    @Test
    void anOrganisationsNameWithAFewDigitsStaysAName() {
        assertThat(SearchTerms.isNumber("58同城信息技术有限公司")).isFalse();
        assertThat(SearchTerms.isNumber("驻马店5G科技有限公司")).isFalse();
    }

    @Test
    void aNumberTypedBesideANameIsStillANumber() {
        assertThat(SearchTerms.isNumber("张三 4101051990030")).isTrue();
        assertThat(SearchTerms.isNumber("张三" + RESIDENT)).isTrue();
    }

    @Test
    void aDecisionNumberNamesItsIssuerButNeverHidesAResidentNumber() {
        assertThat(SearchTerms.isDecisionNumber("驻市监罚〔2025〕881号")).isTrue();
        assertThat(SearchTerms.isDecisionNumber("京朝市监罚字〔2025〕110105202500123号")).isTrue();
        assertThat(SearchTerms.isDecisionNumber("张三" + RESIDENT)).isFalse();
        assertThat(SearchTerms.isDecisionNumber("E12345678")).isFalse();
    }

    @Test
    void aRunAsLongAsAnIdentityNumberIsToldWhateverSurroundsIt() {
        assertThat(SearchTerms.holdsIdentityLengthRun("京朝市监罚字〔2025〕110105202500123号")).isTrue();
        assertThat(SearchTerms.holdsIdentityLengthRun("张三41010519900307123X")).isTrue();
        assertThat(SearchTerms.holdsIdentityLengthRun("驻市监罚〔2025〕881号")).isFalse();
        assertThat(SearchTerms.holdsIdentityLengthRun("(2026)豫1702执91号")).isFalse();
    }
}
