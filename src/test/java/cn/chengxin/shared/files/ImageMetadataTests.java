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
