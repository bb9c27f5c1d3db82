package cn.chengxin.account.domain;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code (ISO/IEC 18004) as an inline SVG string, so that the TOTP enrolment page can show the
 * {@link OtpAuthUri} without an image request, a third-party service or a {@code data:} URL that a strict
 * Content-Security-Policy would block. ZXing computes the modules; this class only draws them.
 *
 * <p>Error correction level M (about 15 % recoverable) suits a code read from a screen; the quiet zone is 2
 * modules, less than the standard's 4 but enough on a white page and what most apps read. One module is one
 * user unit of the {@code viewBox}, so the SVG scales to any CSS size; dark modules are a single
 * {@code <path>} of horizontal runs. {@code role="img"} and {@code aria-label} make it accessible
 * (WCAG 2.1 SC 1.1.1, GB/T 37668-2019).
 */
public final class QrCode {

    /** Quiet zone around the symbol, in modules. */
    public static final int MARGIN = 2;

    private QrCode() {
    }

    /**
     * The SVG of the QR code of {@code content}.
     *
     * @param ariaLabel what a screen reader says instead of the picture, e.g. "扫描二维码绑定身份验证器"
     * @throws IllegalArgumentException if the content is too long for a QR code
     */
    public static String svg(String content, String ariaLabel) {
        Objects.requireNonNull(ariaLabel, "ariaLabel");
        BitMatrix matrix = matrix(content);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder svg = new StringBuilder(64 + width * height)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escapeXml(ariaLabel))
                .append("\" shape-rendering=\"crispEdges\">")
                .append("<rect width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#fff\"/>")
                .append("<path fill=\"#000\" d=\"");
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && matrix.get(x, y)) {
                    x++;
                }
                svg.append('M').append(start).append(' ').append(y)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return svg.append("\"/></svg>").toString();
    }

    /** The modules of the code including the quiet zone, one matrix cell per module. */
    static BitMatrix matrix(String content) {
        Objects.requireNonNull(content, "content");
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, MARGIN);
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(content)) {
            // Only then: the hint adds an ECI segment, which some older readers trip over.
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            // Size 0: ZXing then renders exactly one cell per module.
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Content cannot be encoded as a QR code", e);
        }
    }

    /** Escapes markup characters; control characters, which XML 1.0 forbids, become spaces. */
    private static String escapeXml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
