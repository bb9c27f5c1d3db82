package cn.chengxin.account.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The Key URI format that authenticator apps read, with a Chinese issuer. */
class OtpAuthUriTests {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    /** 信用驻马店 in UTF-8: E4BFA1 E794A8 E9A9BB E9A9AC E5BA97. */
    private static final String ISSUER_ENCODED = "%E4%BF%A1%E7%94%A8%E9%A9%BB%E9%A9%AC%E5%BA%97";

    @Test
    void buildsTheUriWithAPercentEncodedChineseIssuer() {
        String uri = OtpAuthUri.totp("信用驻马店", "clerk", SECRET);

        assertThat(uri).isEqualTo("otpauth://totp/" + ISSUER_ENCODED + ":clerk"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=" + ISSUER_ENCODED
                + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void isAValidUriThatDecodesBackToTheLabel() {
        URI uri = URI.create(OtpAuthUri.totp("信用驻马店", "张 三@zmd.gov.cn", SECRET));

        assertThat(uri.getScheme()).isEqualTo("otpauth");
        assertThat(uri.getHost()).isEqualTo("totp");
        assertThat(uri.getPath()).isEqualTo("/信用驻马店:张 三@zmd.gov.cn");
        assertThat(uri.getQuery()).startsWith("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=信用驻马店&");
        assertThat(uri.toASCIIString()).isEqualTo(uri.toString()).doesNotContain(" ", "+");
    }

    @ParameterizedTest
    @CsvSource({
            "abcXYZ019-._~, abcXYZ019-._~",
            "a b, a%20b",
            "a+b, a%2Bb",
            "a&b=c?d#e/f, a%26b%3Dc%3Fd%23e%2Ff",
            "100%, 100%25",
            "驻, %E9%A9%BB"})
    void percentEncodesEverythingButUnreservedCharacters(String text, String expected) {
        assertThat(OtpAuthUri.percentEncode(text)).isEqualTo(expected);
    }

    @Test
    void refusesAColonOrABlankPart() {
        assertThatIllegalArgumentException().isThrownBy(() -> OtpAuthUri.totp("信用:驻马店", "clerk", SECRET));
        assertThatIllegalArgumentException().isThrownBy(() -> OtpAuthUri.totp("信用驻马店", "a:b", SECRET));
        assertThatIllegalArgumentException().isThrownBy(() -> OtpAuthUri.totp(" ", "clerk", SECRET));
        assertThatIllegalArgumentException().isThrownBy(() -> OtpAuthUri.totp("信用驻马店", "", SECRET));
    }
}
