package cn.chengxin.subject.domain;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical form's shortcut (a number of digits and capital letters only is returned as it is) gives what the
 * normalisation gives, so that no number's pseudonym moves with it.
 */
class NormalisationTests {

    /** Digits, capitals, and what the normalisation changes or removes: lower case, spaces, full width, marks. */
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZxyzabc -\t\n\u3000\u00A0"
            + "\uFF10\uFF11\uFF19\uFF38\uFF58\u0301\u00E9\u1E9E\u00DF\u017F\u2460\u2168";

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "91350100M000100Y43", "110105491231002", "", "X", "0",
            "H12345678"})
    void aCanonicalNumberIsReturnedAsItIs(String number) {
        assertThat(Normalisation.canonical(number)).isSameAs(number).isEqualTo(Normalisation.normalised(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002x", "1101 0519 4912 3100 2X", "１１０１０５１９４９１２３１００２Ｘ",
            "110105-19491231-002X", " 91350100M000100Y43\t", "e\u0301", "e \u0301", "ſ", "ß"})
    void anyOtherIsNormalised(String raw) {
        assertThat(Normalisation.canonical(raw)).isEqualTo(Normalisation.normalised(raw));
    }

    @Test
    void theShortcutAgreesWithTheNormalisationOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(48);
        for (int n = 0; n < 200_000; n++) {
            // Half of them drawn from digits and capitals only, the shortcut's case; the rest from the whole alphabet.
            int range = n % 2 == 0 ? 36 : ALPHABET.length();
            char[] text = new char[random.nextInt(0, 21)];
            for (int i = 0; i < text.length; i++) {
                text[i] = ALPHABET.charAt(random.nextInt(range));
            }
            String raw = new String(text);
            assertThat(Normalisation.canonical(raw)).as(raw).isEqualTo(Normalisation.normalised(raw));
        }
    }

    @Test
    void noTextIsEmpty() {
        assertThat(Normalisation.canonical(null)).isEmpty();
    }
}
