package cn.chengxin.ingestion.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShownSourceIdTests {

    @Test
    void showsTheDepartmentsKeyAsSentWithoutTheSpaceAround() {
        assertThat(ShownSourceId.of(" ZX-2025-000123 ")).isEqualTo("ZX-2025-000123");
        assertThat(ShownSourceId.of("（2025）豫1702执123号")).isEqualTo("（2025）豫1702执123号");
    }

    @Test
    void masksAnIdentityNumberTheKeyWasBuiltFrom() {
        assertThat(ShownSourceId.of("ZX-11010519491231002X-1")).isEqualTo("ZX-1101**********002X-1");
        assertThat(ShownSourceId.of("11010519491231002x")).isEqualTo("1101**********002x");
        assertThat(ShownSourceId.of("K110105491231002")).as("a 15-digit number of the old format")
                .isEqualTo("K1101*******1002");
    }

    @Test
    void masksANumberTypedInFullWidthDigitsToo() {
        assertThat(ShownSourceId.of("ZX-１１０１０５１９４９１２３１００２Ｘ")).isEqualTo("ZX-１１０１**********００２Ｘ");
    }

    @Test
    void keepsTheShorterDigitRunsOfAnOrdinaryKey() {
        assertThat(ShownSourceId.of("2025-0001-0002-0003")).isEqualTo("2025-0001-0002-0003");
        assertThat(ShownSourceId.of("20250000000123")).as("14 digits").isEqualTo("20250000000123");
    }

    @Test
    void capsAKeyTooLongToBeOneAndStillMasksWhatIsShown() {
        String sent = "A".repeat(90) + "11010519491231002X" + "B".repeat(10_000);

        String shown = ShownSourceId.of(sent);

        assertThat(shown).hasSize(ShownSourceId.LONGEST + 1).endsWith("…").startsWith("A".repeat(90) + "1101****")
                .doesNotContain("0519");
    }

    @ParameterizedTest(name = "no key: \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "  \u3000 "})
    void aRowSentWithoutAKeyHasNone(String sent) {
        assertThat(ShownSourceId.of(sent)).isNull();
    }
}
