package cn.chengxin.inquiry.domain;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorisationCodeTests {

    private final byte[] key = new byte[32];
    private final AuthorisationCode codes = new AuthorisationCode(key);

    @Test
    void aCodeNamesItsConsentAndOnlyThePlatformsKeyMakesOne() {
        for (int i = 0; i < 200; i++) {
            UUID consent = UUID.randomUUID();
            String code = codes.issue(consent);
            assertThat(code).startsWith("SQ.").hasSizeLessThan(64);
            assertThat(codes.consentOf(code)).contains(consent);
            assertThat(codes.consentOf(" " + code + "\n")).contains(consent);
        }
        UUID consent = UUID.randomUUID();
        String code = codes.issue(consent);
        byte[] otherKey = Arrays.copyOf(key, 32);
        otherKey[0] = 1;
        assertThat(new AuthorisationCode(otherKey).consentOf(code)).isEmpty();
        char last = code.charAt(code.length() - 1);
        assertThat(codes.consentOf(code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        String other = codes.issue(UUID.randomUUID());
        assertThat(codes.consentOf(code.substring(0, code.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'))))
                .isEmpty();
        assertThat(codes.consentOf(null)).isEmpty();
        assertThat(codes.consentOf("SQ.!!.??")).isEmpty();
        assertThat(codes.consentOf("SQ." + "A".repeat(80))).isEmpty();
        assertThat(codes.consentOf(consent.toString())).isEmpty();
        assertThatThrownBy(() -> new AuthorisationCode(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
