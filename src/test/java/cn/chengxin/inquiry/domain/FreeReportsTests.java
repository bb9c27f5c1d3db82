package cn.chengxin.inquiry.domain;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FreeReportsTests {

    @Test
    void twoFreeFullReportsAYearThenAClearRefusal() {
        assertThatCode(() -> FreeReports.requireAllowance(0, 2, 2026)).doesNotThrowAnyException();
        assertThatCode(() -> FreeReports.requireAllowance(1, 2, 2026)).doesNotThrowAnyException();
        InquiryProblem third = catchThrowableOfType(InquiryProblem.class, () -> FreeReports.requireAllowance(2, 2, 2026));
        assertThat(third.code()).isEqualTo("FREE_REPORTS_USED");
        assertThat(third.getMessage()).contains("2026 年度的 2 次免费", "2027 年 1 月 1 日");
    }

    @Test
    void reportNumbersCarryTheDayAndCodesAvoidLookAlikes() {
        ReportNumbers numbers = new ReportNumbers(RandomGenerator.of("L64X128MixRandom"));
        String number = numbers.number(java.time.LocalDate.of(2026, 11, 30));
        assertThat(number).matches("XY20261130\\d{12}");
        for (int i = 0; i < 500; i++) {
            assertThat(numbers.verificationCode()).matches("[2-9A-HJKMNP-Z]{8}");
        }
        assertThat(ReportNumbers.normalise(" ab-cd efgh ")).isEqualTo("ABCDEFGH");
    }
}
