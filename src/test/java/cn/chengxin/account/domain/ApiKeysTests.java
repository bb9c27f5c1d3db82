package cn.chengxin.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys {@code cx_<8 lower-case base32>_<32 upper-case base32>}, stored as hex SM3. */
class ApiKeysTests {

    private static final String VALID = "cx_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    @Test
    void issuesKeysOfTheDocumentedForm() {
        ApiKeys.Issued issued = ApiKeys.issue(new SecureRandom());

        assertThat(issued.key()).matches("cx_[a-z2-7]{8}_[A-Z2-7]{32}").hasSize(44);
        assertThat(issued.prefix()).isEqualTo(issued.key().substring(3, 11));
        assertThat(issued.hash()).isEqualTo(ApiKeys.hash(issued.key()));
        assertThat(ApiKeys.prefixOf(issued.key())).hasValue(issued.prefix());
    }

    @Test
    void issuedKeysAreAllDifferent() {
        SecureRandom random = new SecureRandom();
        Set<String> keys = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ApiKeys.Issued issued = ApiKeys.issue(random);
            keys.add(issued.key());
            prefixes.add(issued.prefix());
        }
        assertThat(keys).hasSize(200);
        assertThat(prefixes).hasSize(200);
    }

    @Test
    void theKeyIsNotInTheTextOfAnIssuedKey() {
        ApiKeys.Issued issued = ApiKeys.issue(new SecureRandom());

        assertThat(issued.toString()).contains(issued.prefix()).doesNotContain(issued.key().substring(12));
    }

    /** GB/T 32905-2016 Appendix A example 1: SM3("abc"). */
    @Test
    void hashesWithSm3InLowerCaseHex() {
        assertThat(ApiKeys.hash("abc"))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void hashingIsDeterministicAndSensitiveToEveryCharacter() {
        String hash = ApiKeys.hash(VALID);

        assertThat(ApiKeys.hash(VALID)).isEqualTo(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(ApiKeys.hash(VALID.substring(0, 43) + "6")).isNotEqualTo(hash);
        assertThat(hash).isEqualTo(independentSm3Hex(VALID));
    }

    @Test
    void extractsThePrefixOfAWellFormedKey() {
        assertThat(ApiKeys.prefixOf(VALID)).hasValue("abcdefgh");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "cx_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZ23456",    // secret one short
            "cx_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZ2345677",  // secret one long
            "cx_abcdefg_ABCDEFGHIJKLMNOPQRSTUVWXYZ2345677",   // prefix one short
            "cx_ABCDEFGH_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",   // upper-case prefix
            "cx_abcdefgh_abcdefghijklmnopqrstuvwxyz234567",   // lower-case secret
            "cx_abcdefg1_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",   // 1 is not base32
            "cx_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZ234568",   // 8 is not base32
            "CX_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",   // scheme in upper case
            "ck_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",   // another scheme
            "cx-abcdefgh-ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",   // wrong separators
            "cx_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZ23456=",   // padding
            " cx_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",  // leading space
            "cx_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567\n", // trailing newline
            "cx_abcdefghABCDEFGHIJKLMNOPQRSTUVWXYZ2345672",   // missing separator
            "Bearer cx_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"})
    void refusesMalformedKeys(String presented) {
        assertThat(ApiKeys.prefixOf(presented)).isEmpty();
    }

    @Test
    void matchesOnlyTheKeyWhoseHashIsStored() {
        ApiKeys.Issued issued = ApiKeys.issue(new SecureRandom());

        assertThat(ApiKeys.matches(issued.key(), issued.hash())).isTrue();
        assertThat(ApiKeys.matches(VALID, issued.hash())).isFalse();
        assertThat(ApiKeys.matches(null, issued.hash())).isFalse();
        assertThat(ApiKeys.matches(issued.key(), null)).isFalse();
    }

    @Test
    void comparesStrings() {
        assertThat(ApiKeys.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(ApiKeys.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(ApiKeys.constantTimeEquals("abc", "abcd")).isFalse();
        assertThat(ApiKeys.constantTimeEquals("", "")).isTrue();
    }

    private static String independentSm3Hex(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        StringBuilder hex = new StringBuilder();
        for (byte b : out) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
