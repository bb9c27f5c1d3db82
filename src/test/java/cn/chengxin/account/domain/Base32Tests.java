package cn.chengxin.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** RFC 4648 base32: the test vectors of §10, and the leniency and strictness of decoding. */
class Base32Tests {

    /** RFC 4648 §10, with the padding that {@link Base32#encode} leaves out. */
    @ParameterizedTest
    @CsvSource(value = {
            "'', ''",
            "f, MY======",
            "fo, MZXQ====",
            "foo, MZXW6===",
            "foob, MZXW6YQ=",
            "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI======"})
    void encodesTheRfc4648Vectors(String plain, String padded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(padded.replace("=", ""));
        assertThat(Base32.decode(padded)).isEqualTo(bytes);
        assertThat(Base32.decode(padded.replace("=", ""))).isEqualTo(bytes);
    }

    @Test
    void encodesTheRfc6238Sha1SeedAsAuthenticatorAppsShowIt() {
        byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(seed)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void decodesWhatPeopleTypeLowerCaseWithSpaces() {
        assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base32.decode(" gezd gnbv gy3t qojq\tgezd gnbv gy3t qojq "))
                .isEqualTo("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW1YTB", "MZXW0YTB", "MZXW8YTB", "MZXW6-TB", "MZ=XW6YTB", "MZXW6YTBÖ", "MZXW_6YT"})
    void refusesCharactersOutsideTheAlphabet(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode(text));
    }

    /** A last group of 1, 3 or 6 characters cannot come from any byte count (RFC 4648 §6). */
    @ParameterizedTest
    @ValueSource(strings = {"M", "MZX", "MZXW6Y", "MZXW6YTBO"})
    void refusesImpossibleLengths(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode(text));
    }

    @Test
    void roundTripsRandomBytesOfEveryLengthUpTo64() {
        SecureRandom random = new SecureRandom(new byte[] {1});
        for (int length = 0; length <= 64; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);

            String text = Base32.encode(bytes);

            assertThat(text).matches("[A-Z2-7]*").hasSize((length * 8 + 4) / 5);
            assertThat(Base32.decode(text)).as("length %d", length).isEqualTo(bytes);
        }
    }
}
