package cn.chengxin.inquiry.domain;

import java.util.Locale;

import cn.chengxin.shared.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReportLanguageTests {

    @Test
    void noLanguageIsChineseAndEnOrZhInAnyCaseOrRegionIsKnown() {
        assertThat(ReportLanguage.named(null)).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.named(" ")).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.named("zh")).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.named("zh-CN")).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.named("en")).isEqualTo(ReportLanguage.EN);
        assertThat(ReportLanguage.named(" EN ")).isEqualTo(ReportLanguage.EN);
        assertThat(ReportLanguage.named("en_GB")).isEqualTo(ReportLanguage.EN);
    }

    @Test
    void anyOtherLanguageIsRefusedWithItsCode() {
        for (String other : new String[] {"fr", "english", "eng", "zhongwen", "en-"}) {
            InquiryProblem refused = catchThrowableOfType(InquiryProblem.class, () -> ReportLanguage.named(other));
            assertThat(refused).as(other).isNotNull();
            assertThat(refused.code()).isEqualTo("REPORT_LANGUAGE_UNKNOWN");
            assertThat(refused.kind()).isEqualTo(DomainProblem.Kind.INVALID_INPUT);
        }
    }

    @Test
    void anEnglishPageGivesAnEnglishReportAnyOtherAChineseOne() {
        assertThat(ReportLanguage.of(Locale.ENGLISH)).isEqualTo(ReportLanguage.EN);
        assertThat(ReportLanguage.of(Locale.UK)).isEqualTo(ReportLanguage.EN);
        assertThat(ReportLanguage.of(Locale.SIMPLIFIED_CHINESE)).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.of(Locale.FRENCH)).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.of(null)).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.ofStored(null)).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.ofStored("en")).isEqualTo(ReportLanguage.EN);
    }
}
