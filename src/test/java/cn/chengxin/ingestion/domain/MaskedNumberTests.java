package cn.chengxin.ingestion.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedNumberTests {

    @Test
    void showsOnlyTheFirstAndLastFourCharactersOfAnIdentityNumber() {
        assertThat(MaskedNumber.of("11010519491231002X")).isEqualTo("1101**********002X");
    }

    @ParameterizedTest(name = "{0} is masked as the number it is")
    @ValueSource(strings = {" 110105 19491231 002x ", "１１０１０５１９４９１２３１００２Ｘ", "110105\u300019491231002X"})
    void masksTheNumberAsTheRegistryWouldReadIt(String sent) {
        assertThat(MaskedNumber.of(sent)).isEqualTo("1101**********002X");
    }

    @Test
    void masksAValueThatIsNoValidNumberAsWell() {
        assertThat(MaskedNumber.of("11010519491231002Y")).isEqualTo("1101**********002Y");
        assertThat(MaskedNumber.of("12345")).isEqualTo("1***5");
    }

    @Test
    void keepsTheMaskOfALongValueShort() {
        String sent = "11010519491231002X".repeat(30);

        assertThat(MaskedNumber.of(sent)).hasSizeLessThanOrEqualTo(MaskedNumber.LONGEST).startsWith("1101")
                .endsWith("002X").doesNotContain("0519");
    }

    @ParameterizedTest(name = "no number: \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "  \u3000 "})
    void aRowSentWithoutANumberHasNone(String sent) {
        assertThat(MaskedNumber.of(sent)).isNull();
    }
}
