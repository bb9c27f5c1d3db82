package cn.chengxin.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Small pictures as phones and scanners write them, with metadata put in the way they put it (gaps review xxxi M4):
 * an EXIF block with a GPS position in a JPEG, text and EXIF chunks in a PNG. {@link Picture#plain} is the file
 * ImageIO wrote, without them.
 */
public final class TestImages {

    /** What the EXIF block and the text say: a place a test may look for in what is stored. */
    public static final String GPS = "GPS 34.7466N 113.6254E";

    /** An EXIF block as a phone writes it (big-endian TIFF header), with a GPS position and a place name. */
    private static final byte[] EXIF = ("Exif\0\0MM\0*\0\0\0\b" + GPS + " 郑州市金水区").getBytes(StandardCharsets.UTF_8);

    private TestImages() {
    }

    /** A picture and its file, as written and with metadata put in. */
    public record Picture(BufferedImage image, byte[] plain, byte[] withMetadata) {
    }

    /** A JPEG with an EXIF block (APP1) and a comment (COM) after its start. */
    public static Picture jpeg() {
        BufferedImage image = image();
        byte[] plain = encode(image, "jpg");
        return new Picture(image, plain, concat(Arrays.copyOf(plain, 2), segment(0xE1, EXIF),
                segment(0xFE, "taken by 张三".getBytes(StandardCharsets.UTF_8)),
                Arrays.copyOfRange(plain, 2, plain.length)));
    }

    /** A PNG with a text chunk (tEXt) and an EXIF chunk (eXIf) after its header. */
    public static Picture png() {
        BufferedImage image = image();
        byte[] plain = encode(image, "png");
        int afterHeader = 8 + 12 + 13; // the signature and IHDR
        return new Picture(image, plain, concat(Arrays.copyOf(plain, afterHeader),
                chunk("tEXt", ("Author\0张三 13812345678 " + GPS).getBytes(StandardCharsets.UTF_8)),
                chunk("eXIf", EXIF), Arrays.copyOfRange(plain, afterHeader, plain.length)));
    }

    /** Whether {@code needle} occurs in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static BufferedImage image() {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 24; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, (x * 10) << 16 | (y * 15) << 8 | 0x40);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] segment(int marker, byte[] data) {
        return ByteBuffer.allocate(4 + data.length).put((byte) 0xFF).put((byte) marker)
                .putShort((short) (2 + data.length)).put(data).array();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
