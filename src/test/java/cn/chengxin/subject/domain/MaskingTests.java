package cn.chengxin.subject.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

    @Test
    void masksAnEighteenCharacterNumberKeepingFourAtEachEnd() {
        assertThat(Masking.identityNumber("41170219850315123X")).isEqualTo("4117**********123X");
        assertThat(Masking.identityNumber("11010519491231002X")).isEqualTo("1101**********002X");
    }

    @Test
    void maskedNumberHasTheSameLengthAndHidesTheBirthDateAndSequence() {
        String number = "41170219850315123X";

        String masked = Masking.identityNumber(number);

        assertThat(masked).hasSameSizeAs(number)
                .startsWith(number.substring(0, 4))
                .endsWith(number.substring(14))
                .doesNotContain("19850315");
        assertThat(masked.substring(4, 14)).isEqualTo("*".repeat(10));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void masksANullOrEmptyNumberToEmpty(String number) {
        assertThat(Masking.identityNumber(number)).isEmpty();
    }

    @Test
    void neverShowsAShortNumberWhole() {
        for (String number : new String[] {"E12345678", "12345678", "H1234567890", "12345", "AB", "7"}) {
            assertThat(Masking.identityNumber(number)).as(number)
                    .hasSameSizeAs(number)
                    .isNotEqualTo(number)
                    .contains("*");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "张三, 张*",
            "张小明, 张*明",
            "欧阳小明, 欧**明",
            "司马相如, 司**如",
            "王, *"})
    void masksPersonNames(String name, String expected) {
        assertThat(Masking.personName(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void masksANullOrEmptyNameToEmpty(String name) {
        assertThat(Masking.personName(name)).isEmpty();
    }

    @Test
    void masksNamesWithSupplementaryCharactersByCharacterNotByCodeUnit() {
        // 𠮷 (U+20BB7) is one character in two UTF-16 code units; it must never be split into a lone surrogate.
        assertThat(Masking.personName("𠮷小明")).isEqualTo("𠮷*明");
        assertThat(Masking.personName("王𠮷")).isEqualTo("王*");
        assertThat(Masking.personName("张𠮷明")).isEqualTo("张*明");
    }
}
