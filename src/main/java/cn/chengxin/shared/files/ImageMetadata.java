package cn.chengxin.shared.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes what a camera or an editor writes about a picture, not the picture (gaps review xxxi M4; PIPL Art. 6, only
 * what the purpose needs): a phone's photo of a certificate carries the place it was taken (EXIF GPS), the device, the
 * time and often a thumbnail. The file is rewritten segment by segment, never decoded and encoded again, so the pixels
 * are the bytes received.
 * <ul>
 *   <li>JPEG: the APPn segments other than JFIF (APP0), the ICC colour profile (APP2) and Adobe's colour transform
 *       (APP14), which the decoder needs to show the same colours, are dropped (EXIF and XMP in APP1, IPTC in APP13,
 *       makers' own), and comments (COM). Of EXIF only the orientation is kept, in an EXIF block of its own holding
 *       nothing else: a phone stores a photo taken upright as it was sensed and says in that tag how to turn it, and a
 *       certificate shown sideways to the reviewer is what the stripping must not cause.</li>
 *   <li>PNG: the text chunks (tEXt, zTXt, iTXt), EXIF (eXIf) and the time of the last change (tIME) are dropped.</li>
 * </ul>
 * Anything else (a PDF), or a file whose structure cannot be followed to its image data, is kept as received: it was
 * accepted by its content ({@link Attachments#check}), and changing bytes in a structure one cannot read would spoil it.
 */
public final class ImageMetadata {

    private static final int JPEG_APP0 = 0xE0;
    private static final int JPEG_APP1 = 0xE1;
    private static final int JPEG_APP2 = 0xE2;
    private static final int JPEG_APP14 = 0xEE;
    private static final int JPEG_APP15 = 0xEF;
    private static final int JPEG_COM = 0xFE;
    private static final int JPEG_SOS = 0xDA;
    private static final int PNG_SIGNATURE = 8;
    private static final Set<String> PNG_DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

    private ImageMetadata() {
    }

    /** The file without its metadata, for a {@code contentType} as {@link Attachments#check} found it. */
    public static byte[] strip(byte[] content, String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> jpeg(content);
            case "image/png" -> png(content);
            default -> content;
        };
    }

    /** The segments up to the first scan, less the metadata ones; from the scan on, the bytes as they are. */
    private static byte[] jpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 2); // SOI
        int at = 2;
        while (at + 4 <= in.length) {
            if ((in[at] & 0xFF) != 0xFF) {
                return in;
            }
            int marker = in[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte before a marker
                at++;
                continue;
            }
            int length = ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > in.length) {
                return in;
            }
            if (marker == JPEG_SOS) {
                out.write(in, at, in.length - at);
                return out.toByteArray();
            }
            if (!droppedJpegSegment(marker)) {
                out.write(in, at, 2 + length);
            } else if (marker == JPEG_APP1) {
                int orientation = ExifOrientation.of(in, at + 4, length - 2);
                if (orientation > 1) {
                    out.writeBytes(ExifOrientation.segment(orientation));
                }
            }
            at += 2 + length;
        }
        return in; // no scan: not an image a viewer would show, left alone
    }

    private static boolean droppedJpegSegment(int marker) {
        boolean app = marker >= JPEG_APP0 && marker <= JPEG_APP15;
        return marker == JPEG_COM || app && marker != JPEG_APP0 && marker != JPEG_APP2 && marker != JPEG_APP14;
    }

    /** The chunks less the metadata ones; each chunk is length, type, data and CRC, which stay as they were. */
    private static byte[] png(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, PNG_SIGNATURE);
        int at = PNG_SIGNATURE;
        while (at + 12 <= in.length) {
            long length = ((in[at] & 0xFFL) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8)
                    | (in[at + 3] & 0xFF);
            if (length > in.length - at - 12) {
                return in;
            }
            int size = 12 + (int) length;
            String type = new String(in, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!PNG_DROPPED.contains(type)) {
                out.write(in, at, size);
            }
            at += size;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        return in; // no end: a structure not followed to its end, left alone
    }
}
