package cn.chengxin.account.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An institution's unified social credit code (GB 32100-2015; gaps review xxx L4): optional, canonical when given, and
 * refused when its characters or its check characters are wrong. The expected check characters below are computed by
 * hand from the standard: the modulus-31 check over the first 17 characters with the weights 3^(i) mod 31
 * (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28), and the GB 11714 check of the organisation code.
 */
class InstitutionCodeTests {

    /** 91 (enterprise, 市场监管) · 411702 (驿城区) · 00000001 + GB 11714 check 9 · GB 32100 check W. */
    private static final String VALID = "91411702000000019W";

    @Test
    void aValidCodeIsKeptCanonicalWhateverItsCaseWidthAndSpaces() {
        assertThat(InstitutionCode.parse(VALID)).contains(VALID);
        assertThat(InstitutionCode.parse(" 9141 1702 0000 0001 9w ")).contains(VALID);
        assertThat(InstitutionCode.parse("９１４１１７０２０００００００１９Ｗ")).contains(VALID);
    }

    @Test
    void nothingTypedIsNoCode() {
        assertThat(InstitutionCode.parse(null)).isEmpty();
        assertThat(InstitutionCode.parse("  ")).isEmpty();
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        assertThatThrownBy(() -> InstitutionCode.parse("91411702000000019T"))
                .isInstanceOf(IllegalArgumentException.class);
        // the organisation code's own check (GB 11714) wrong, the modulus-31 check recomputed for it
        assertThatThrownBy(() -> InstitutionCode.parse("91411702000000018R"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lettersTheStandardLeavesOutAndWrongLengthsAreRefused() {
        for (String letter : new String[] {"I", "O", "Z", "S", "V"}) {
            assertThatThrownBy(() -> InstitutionCode.parse("91411702" + letter + "0000001" + "9W"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> InstitutionCode.parse(VALID.substring(0, 17)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstitutionCode.parse(VALID + "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoInstitutionsOfOneCodeAreOneAndNoCodeMatchesNothing() {
        assertThat(InstitutionCode.same(VALID, VALID)).isTrue();
        assertThat(InstitutionCode.same(VALID, "91411702000000027P")).isFalse();
        assertThat(InstitutionCode.same(null, null)).isFalse();
        assertThat(InstitutionCode.same(VALID, null)).isFalse();
    }
}
