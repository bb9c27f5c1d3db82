package cn.chengxin.shared.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import cn.chengxin.support.TestImages;
import org.junit.jupiter.api.Test;

import static cn.chengxin.support.TestImages.contains;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxxi M4: an uploaded picture is kept without its metadata (EXIF with the GPS position, PNG text), its
 * image untouched; a PDF is kept as it came.
 */
class ImageMetadataTests {

    private static final byte[] GPS = TestImages.GPS.getBytes(StandardCharsets.US_ASCII);

    @Test
    void aJpegLosesItsExifAndCommentAndStillDecodesToTheSamePicture() throws Exception {
        TestImages.Picture photo = TestImages.jpeg();
        assertThat(contains(photo.withMetadata(), GPS)).isTrue();

        byte[] stripped = ImageMetadata.strip(photo.withMetadata(), Attachments.check("photo.jpg",
                photo.withMetadata()));

        assertThat(contains(stripped, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(stripped, GPS)).isFalse();
        assertThat(contains(stripped, "张三".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(stripped).as("the file as it was before the metadata went in").isEqualTo(photo.plain());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stripped));
        assertThat(decoded.getWidth()).isEqualTo(photo.image().getWidth());
        assertThat(decoded.getHeight()).isEqualTo(photo.image().getHeight());
    }

    @Test
    void aJpegKeepsItsJfifHeaderAndEveryByteFromTheScanOn() {
        byte[] plain = TestImages.jpeg().plain();
        assertThat(plain[3] & 0xFF).as("ImageIO writes JFIF (APP0) first").isEqualTo(0xE0);

        assertThat(ImageMetadata.strip(plain, "image/jpeg")).isEqualTo(plain);
    }

    /** A phone's photo turned by its orientation tag keeps the tag, alone in its EXIF, in either byte order. */
    @Test
    void aJpegKeepsItsOrientationAndNothingElseOfItsExif() {
        byte[] plain = TestImages.jpeg().plain();
        for (boolean littleEndian : new boolean[] {true, false}) {
            byte[] photo = withExif(plain, exif(littleEndian, 6));

            byte[] stripped = ImageMetadata.strip(photo, "image/jpeg");

            assertThat(contains(stripped, GPS)).isFalse();
            assertThat(contains(stripped, "Xiaomi".getBytes(StandardCharsets.US_ASCII))).isFalse();
            int app1 = 4 + segmentLength(stripped, 2);
            assertThat(stripped[app1 + 1] & 0xFF).isEqualTo(0xE1);
            assertThat(ExifOrientation.of(stripped, app1 + 4, segmentLength(stripped, app1) - 2)).as("byte order %s",
                    littleEndian ? "II" : "MM").isEqualTo(6);
            assertThat(stripped.length).isEqualTo(plain.length + ExifOrientation.segment(6).length);
        }
    }

    @Test
    void anUprightOrUnreadableOrientationLeavesNoExifAtAll() {
        byte[] plain = TestImages.jpeg().plain();
        assertThat(ImageMetadata.strip(withExif(plain, exif(true, 1)), "image/jpeg")).isEqualTo(plain);
        assertThat(ImageMetadata.strip(withExif(plain, exif(false, 9)), "image/jpeg")).isEqualTo(plain);
        byte[] broken = exif(true, 6);
        broken[6 + 8] = (byte) 0xFF; // the entry count points far past the segment
        assertThat(ImageMetadata.strip(withExif(plain, broken), "image/jpeg")).isEqualTo(plain);
    }

    /** EXIF data ("Exif\0\0", TIFF header, one directory of make, orientation and a GPS pointer, then the text). */
    private static byte[] exif(boolean littleEndian, int orientation) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(6 + 8 + 2 + 3 * 12 + 4 + 64);
        b.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        b.order(littleEndian ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        b.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M');
        b.putShort((short) 42).putInt(8).putShort((short) 3);
        b.putShort((short) 0x010F).putShort((short) 2).putInt(7).putInt(8 + 2 + 3 * 12 + 4); // Make, at the end
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(8 + 2 + 3 * 12 + 4 + 8); // GPS directory
        b.putInt(0);
        b.put("Xiaomi\0\0".getBytes(StandardCharsets.US_ASCII)).put(GPS);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** The JPEG with an APP1 segment of {@code data} right after its JFIF header. */
    private static byte[] withExif(byte[] jpeg, byte[] data) {
        int afterJfif = 4 + segmentLength(jpeg, 2);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, afterJfif);
        out.write(0xFF);
        out.write(0xE1);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xFF);
        out.writeBytes(data);
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }

    private static int segmentLength(byte[] jpeg, int marker) {
        return ((jpeg[marker + 2] & 0xFF) << 8) | (jpeg[marker + 3] & 0xFF);
    }

    @Test
    void aPngLosesItsTextAndExifChunksAndStillDecodesPixelForPixel() throws Exception {
        TestImages.Picture scan = TestImages.png();

        byte[] stripped = ImageMetadata.strip(scan.withMetadata(), Attachments.check("scan.png",
                scan.withMetadata()));

        assertThat(contains(stripped, "tEXt".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(stripped, "eXIf".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(stripped, GPS)).isFalse();
        assertThat(stripped).isEqualTo(scan.plain());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stripped));
        assertThat(decoded.getWidth()).isEqualTo(scan.image().getWidth());
        assertThat(decoded.getRGB(3, 5)).isEqualTo(scan.image().getRGB(3, 5));
    }

    @Test
    void aPdfIsKeptAsItCame() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Author (张三) /Producer (scanner) >> endobj\n%%EOF"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ImageMetadata.strip(pdf, Attachments.check("proof.pdf", pdf))).isSameAs(pdf);
    }

    @Test
    void aFileWhoseStructureCannotBeFollowedIsKeptAsItCame() {
        byte[] truncated = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x00, 'E', 'x'};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H'};

        assertThat(ImageMetadata.strip(truncated, "image/jpeg")).isSameAs(truncated);
        assertThat(ImageMetadata.strip(png, "image/png")).isSameAs(png);
    }
}
