package cn.chengxin.inquiry.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.chengxin.inquiry.domain.ReportLanguage;
import cn.chengxin.inquiry.domain.VerificationLink;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #7: what a printed report's QR code says when scanned. The verification code is in the fragment, never after
 * the {@code ?}: a scanner's browser sends the query string to the server, its logs and any proxy, but not the fragment.
 */
class QrPngTests {

    private static final String NUMBER = "XY20261205000000000042";
    private static final String CODE = "K7QW3MZP";

    @Test
    void theScannedLinkCarriesTheCodeInTheFragmentOnly() throws Exception {
        for (ReportLanguage language : ReportLanguage.values()) {
            String scanned = decode(QrPng.dataUri(VerificationLink.of("https://xy.example.gov.cn/", NUMBER, CODE,
                    language)));
            URI uri = URI.create(scanned);
            assertThat(uri.getPath()).isEqualTo("/verify");
            assertThat(uri.getRawQuery() == null ? "" : uri.getRawQuery()).as(scanned).doesNotContain(CODE, "c=");
            assertThat(uri.getFragment()).isEqualTo("n=" + NUMBER + "&c=" + CODE);
            assertThat(scanned.substring(0, scanned.indexOf('#'))).doesNotContain(CODE, NUMBER);
            assertThat(uri.getRawQuery()).isEqualTo(language == ReportLanguage.EN ? "lang=en" : null);
        }
    }

    private static String decode(String dataUri) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
