package cn.chengxin.shared;

import java.time.Period;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention periods of the privacy rules in words, not as ISO-8601 settings (gaps review xxxi M6). */
class PeriodWordsTests {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Test
    void aPeriodIsSaidInChineseWithoutSpaces() {
        assertThat(PeriodWords.of(Period.parse("P3Y"), CHINESE)).isEqualTo("3年");
        assertThat(PeriodWords.of(Period.parse("P6M"), CHINESE)).isEqualTo("6个月");
        assertThat(PeriodWords.of(Period.parse("P1Y6M"), CHINESE)).isEqualTo("1年6个月");
        assertThat(PeriodWords.of(Period.ofDays(3660), CHINESE)).isEqualTo("3660天");
    }

    @Test
    void aPeriodIsSaidInEnglishWithItsPluralsAndAnAnd() {
        assertThat(PeriodWords.of(Period.parse("P3Y"), Locale.ENGLISH)).isEqualTo("3 years");
        assertThat(PeriodWords.of(Period.parse("P6M"), Locale.UK)).isEqualTo("6 months");
        assertThat(PeriodWords.of(Period.parse("P1Y"), Locale.ENGLISH)).isEqualTo("1 year");
        assertThat(PeriodWords.of(Period.parse("P1Y6M"), Locale.ENGLISH)).isEqualTo("1 year and 6 months");
        assertThat(PeriodWords.of(Period.parse("P2Y1M1D"), Locale.ENGLISH)).isEqualTo("2 years, 1 month and 1 day");
    }

    @Test
    void aPeriodIsSaidAsWrittenNotNormalised() {
        assertThat(PeriodWords.of(Period.parse("P18M"), CHINESE)).isEqualTo("18个月");
        assertThat(PeriodWords.of(Period.parse("P18M"), Locale.ENGLISH)).isEqualTo("18 months");
    }

    @Test
    void anyOtherLanguageIsSaidInChineseAsTheMessageFilesFallBack() {
        assertThat(PeriodWords.of(Period.parse("P3Y"), Locale.FRENCH)).isEqualTo("3年");
        assertThat(PeriodWords.of(Period.parse("P3Y"), null)).isEqualTo("3年");
        assertThat(PeriodWords.of(Period.ZERO, Locale.ENGLISH)).isEqualTo("0 days");
    }
}
