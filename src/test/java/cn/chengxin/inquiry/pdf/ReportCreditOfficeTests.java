package cn.chengxin.inquiry.pdf;

import java.util.Locale;

import cn.chengxin.shared.City;
import cn.chengxin.shared.CityPresets;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xliii X5: a report names the credit office as the city names it, and an English report words it in
 * English; a report stored when every report said 市信用办 still reads, and translates, as before.
 */
class ReportCreditOfficeTests {

    private final City zhumadian = CityPresets.find("zhumadian").orElseThrow();
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    ReportCreditOfficeTests() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Test
    void anEnglishReportNamesTheConfiguredOfficeInEnglishAndTheOldOneAsBefore() {
        ReportFormat english = new ReportFormat(messages, Locale.ENGLISH, false, zhumadian);
        assertThat(english.department("驻马店市信用办")).isEqualTo("Zhumadian Municipal Credit Office");
        assertThat(english.department("市信用办")).as("a report stored before X5").isEqualTo("Municipal credit office");
        assertThat(english.department("驻马店市市场监督管理局")).as("a department as the directory names it")
                .isEqualTo("驻马店市市场监督管理局");
    }

    @Test
    void aChineseReportPrintsTheOfficeAsStored() {
        ReportFormat chinese = new ReportFormat(messages, Locale.SIMPLIFIED_CHINESE, false, zhumadian);
        assertThat(chinese.department("驻马店市信用办")).isEqualTo("驻马店市信用办");
        assertThat(chinese.department("市信用办")).isEqualTo("市信用办");
    }
}
