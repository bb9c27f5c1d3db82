package cn.chengxin.account.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.google.zxing.common.BitMatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * QR codes as inline SVG. Symbol sizes come from ISO/IEC 18004: version v has 17 + 4v modules a side; at
 * level M, version 1 holds 20 alphanumeric characters and version 6 holds 106 bytes (version 5: 84).
 */
class QrCodeTests {

    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    @Test
    void isWellFormedAccessibleSvg() throws Exception {
        String svg = QrCode.svg("HELLO WORLD", "扫描二维码 <绑定> \"身份验证器\" & 其他");

        Element root = parse(svg).getDocumentElement();

        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("扫描二维码 <绑定> \"身份验证器\" & 其他");
        assertThat(root.getElementsByTagName("path").getLength()).isEqualTo(1);
    }

    @Test
    void versionOneHasTwentyOneModulesPlusTheQuietZone() throws Exception {
        String svg = QrCode.svg("HELLO WORLD", "qr");

        assertThat(QrCode.matrix("HELLO WORLD").getWidth()).isEqualTo(21 + 2 * 2);
        assertThat(parse(svg).getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 25 25");
    }

    @Test
    void aHundredBytesNeedVersionSixAtLevelM() throws Exception {
        String content = "a".repeat(100);

        String svg = QrCode.svg(content, "qr");

        assertThat(QrCode.matrix(content).getWidth()).isEqualTo(17 + 4 * 6 + 2 * 2);
        assertThat(parse(svg).getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 45 45");
    }

    @Test
    void thePathDrawsExactlyTheDarkModules() {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        String content = OtpAuthUri.totp("信用驻马店", "clerk", secret);
        BitMatrix matrix = QrCode.matrix(content);
        BitMatrix drawn = new BitMatrix(matrix.getWidth(), matrix.getHeight());

        Matcher run = RUN.matcher(pathData(QrCode.svg(content, "qr")));
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            assertThat(run.group(4)).isEqualTo(run.group(3));
            drawn.setRegion(x, y, length, 1);
        }

        assertThat(drawn).isEqualTo(matrix);
    }

    @Test
    void keepsAQuietZoneOfTwoModulesAndStartsWithAFinderPattern() {
        BitMatrix matrix = QrCode.matrix("HELLO WORLD");
        int size = matrix.getWidth();

        for (int i = 0; i < size; i++) {
            for (int margin = 0; margin < 2; margin++) {
                assertThat(matrix.get(i, margin)).isFalse();
                assertThat(matrix.get(margin, i)).isFalse();
                assertThat(matrix.get(i, size - 1 - margin)).isFalse();
                assertThat(matrix.get(size - 1 - margin, i)).isFalse();
            }
        }
        // The top-left finder pattern: a dark 7×7 ring starting just inside the quiet zone.
        assertThat(matrix.get(2, 2)).isTrue();
        assertThat(matrix.get(8, 8)).isTrue();
        assertThat(matrix.get(3, 3)).isFalse();
        assertThat(matrix.get(4, 4)).isTrue();
    }

    /** 15 UTF-8 bytes plus the ECI header exceed version 1-M's 128 data bits, so version 2 (25 modules). */
    @Test
    void encodesChineseContentAsUtf8() {
        assertThat(QrCode.matrix("信用驻马店").getWidth()).isEqualTo(17 + 4 * 2 + 2 * 2);
    }

    @Test
    void refusesContentTooLongForAQrCode() {
        assertThatIllegalArgumentException().isThrownBy(() -> QrCode.svg("a".repeat(3000), "qr"));
    }

    private static String pathData(String svg) {
        try {
            return ((Element) parse(svg).getElementsByTagName("path").item(0)).getAttribute("d");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
