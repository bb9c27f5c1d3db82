package cn.chengxin.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.chengxin.account.domain.Totp.Algorithm;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 TOTP: the Appendix B vectors, the ±1 step window and replay refusal. */
class TotpTests {

    private static final byte[] SEED_SHA1 = ascii("12345678901234567890");
    private static final byte[] SEED_SHA256 = ascii("12345678901234567890123456789012");
    private static final byte[] SEED_SHA512 =
            ascii("1234567890123456789012345678901234567890123456789012345678901234");

    /** A time in the middle of step 40 000 000 (1 200 000 000 s = 2008-01-10T21:20:00Z). */
    private static final Instant NOW = Instant.ofEpochSecond(1_200_000_015L);
    private static final long STEP = 40_000_000L;

    /** RFC 6238 Appendix B, every row. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, SHA1",
            "59, 46119246, SHA256",
            "59, 90693936, SHA512",
            "1111111109, 07081804, SHA1",
            "1111111109, 68084774, SHA256",
            "1111111109, 25091201, SHA512",
            "1111111111, 14050471, SHA1",
            "1111111111, 67062674, SHA256",
            "1111111111, 99943326, SHA512",
            "1234567890, 89005924, SHA1",
            "1234567890, 91819424, SHA256",
            "1234567890, 93441116, SHA512",
            "2000000000, 69279037, SHA1",
            "2000000000, 90698825, SHA256",
            "2000000000, 38618901, SHA512",
            "20000000000, 65353130, SHA1",
            "20000000000, 77737706, SHA256",
            "20000000000, 47863826, SHA512"})
    void matchesTheRfc6238Vectors(long seconds, String expected, Algorithm algorithm) {
        byte[] seed = switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };

        assertThat(Totp.codeAt(seed, Instant.ofEpochSecond(seconds), 8, algorithm)).isEqualTo(expected);
    }

    /** RFC 4226 Appendix D: 6-digit HOTP values of counters 0–9, the truncation authenticator apps show. */
    @Test
    void matchesTheRfc4226SixDigitVectors() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(SEED_SHA1, counter, 6, Algorithm.SHA1)).as("counter %d", counter)
                    .isEqualTo(expected[counter]);
        }
    }

    @Test
    void publicCodeIsTheLastSixDigitsOfTheSha1Vector() {
        // 8-digit 94287082 and 6-digit values are the same number modulo 10^6.
        assertThat(Totp.codeAt(SEED_SHA1, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.codeAt(SEED_SHA1, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertThat(Totp.stepAt(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.stepAt(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.stepAt(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(Totp.stepAt(Instant.ofEpochSecond(1_200_000_000L))).isEqualTo(STEP);
        assertThat(Totp.stepAt(Instant.ofEpochSecond(1_200_000_029L))).isEqualTo(STEP);
    }

    @Test
    void newSecretsAreTwentyRandomBytes() {
        SecureRandom random = new SecureRandom();

        byte[] first = Totp.newSecret(random);
        byte[] second = Totp.newSecret(random);

        assertThat(first).hasSize(20);
        assertThat(second).hasSize(20).isNotEqualTo(first);
    }

    @Test
    void acceptsTheCurrentCodeAndReturnsItsStep() {
        String code = Totp.code(SEED_SHA1, STEP, 6, Algorithm.SHA1);

        assertThat(Totp.verify(SEED_SHA1, code, NOW, Totp.NO_STEP_USED)).hasValue(STEP);
        assertThat(Totp.verify(SEED_SHA1, code.substring(0, 3) + " " + code.substring(3), NOW,
                Totp.NO_STEP_USED)).hasValue(STEP);
    }

    @Test
    void acceptsOneStepEitherSideButNotTwo() {
        assertThat(Totp.verify(SEED_SHA1, codeOf(STEP - 1), NOW, Totp.NO_STEP_USED)).hasValue(STEP - 1);
        assertThat(Totp.verify(SEED_SHA1, codeOf(STEP + 1), NOW, Totp.NO_STEP_USED)).hasValue(STEP + 1);
        assertThat(Totp.verify(SEED_SHA1, codeOf(STEP - 2), NOW, Totp.NO_STEP_USED)).isEmpty();
        assertThat(Totp.verify(SEED_SHA1, codeOf(STEP + 2), NOW, Totp.NO_STEP_USED)).isEmpty();
    }

    @Test
    void theWindowFollowsTheStepBoundaries() {
        String code = codeOf(STEP);
        Instant stepStart = Instant.ofEpochSecond(STEP * 30);

        assertThat(Totp.verify(SEED_SHA1, code, stepStart.minusSeconds(30), Totp.NO_STEP_USED)).hasValue(STEP);
        assertThat(Totp.verify(SEED_SHA1, code, stepStart.minusSeconds(31), Totp.NO_STEP_USED)).isEmpty();
        assertThat(Totp.verify(SEED_SHA1, code, stepStart.plusSeconds(59), Totp.NO_STEP_USED)).hasValue(STEP);
        assertThat(Totp.verify(SEED_SHA1, code, stepStart.plusSeconds(60), Totp.NO_STEP_USED)).isEmpty();
    }

    @Test
    void refusesAReplayedCode() {
        String code = codeOf(STEP);

        OptionalLong first = Totp.verify(SEED_SHA1, code, NOW, Totp.NO_STEP_USED);
        OptionalLong replay = Totp.verify(SEED_SHA1, code, NOW.plusSeconds(5), first.orElseThrow());

        assertThat(first).hasValue(STEP);
        assertThat(replay).isEmpty();
    }

    @Test
    void refusesAnOlderCodeOnceALaterStepWasUsed() {
        OptionalLong next = Totp.verify(SEED_SHA1, codeOf(STEP + 1), NOW, Totp.NO_STEP_USED);

        assertThat(next).hasValue(STEP + 1);
        assertThat(Totp.verify(SEED_SHA1, codeOf(STEP), NOW, next.getAsLong())).isEmpty();
        assertThat(Totp.verify(SEED_SHA1, codeOf(STEP - 1), NOW, next.getAsLong())).isEmpty();
    }

    @Test
    void acceptsTheNextStepsCodeAfterAnEarlierOneWasUsed() {
        assertThat(Totp.verify(SEED_SHA1, codeOf(STEP), NOW.plusSeconds(30), STEP - 1)).hasValue(STEP);
        assertThat(Totp.verify(SEED_SHA1, codeOf(STEP + 1), NOW.plusSeconds(30), STEP)).hasValue(STEP + 1);
    }

    @Test
    void refusesACodeOfAnotherSecret() {
        byte[] other = ascii("09876543210987654321");

        assertThat(Totp.verify(other, codeOf(STEP), NOW, Totp.NO_STEP_USED)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "12345a", "１２３４５６", "-12345", "+12345"})
    void refusesMalformedCodes(String code) {
        assertThat(Totp.verify(SEED_SHA1, code, NOW, Totp.NO_STEP_USED)).isEmpty();
    }

    @Test
    void refusesNoCode() {
        assertThat(Totp.verify(SEED_SHA1, null, NOW, Totp.NO_STEP_USED)).isEmpty();
    }

    private static String codeOf(long step) {
        return Totp.code(SEED_SHA1, step, 6, Algorithm.SHA1);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
