package cn.chengxin.shared.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The one EXIF tag {@link ImageMetadata} keeps: Orientation (0x0112 in the first image directory, a SHORT from 1 to 8;
 * EXIF 2.32 §4.6.4), which says how a viewer must turn the picture. Read from an APP1 segment without trusting it (a
 * count or offset pointing outside the segment reads as no orientation) and written back as a segment holding that
 * tag alone, so no position, device or time goes with it.
 */
final class ExifOrientation {

    private static final byte[] HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int TAG = 0x0112;
    private static final int SHORT = 3;
    private static final int ENTRY = 12;

    private ExifOrientation() {
    }

    /** The orientation in the APP1 data at {@code from} of {@code length} bytes, or 0 when it holds none. */
    static int of(byte[] in, int from, int length) {
        if (length < HEADER.length + 8 || from + length > in.length) {
            return 0;
        }
        for (int i = 0; i < HEADER.length; i++) {
            if (in[from + i] != HEADER[i]) {
                return 0; // XMP or a maker's block: no orientation there
            }
        }
        ByteBuffer tiff = ByteBuffer.wrap(in, from + HEADER.length, length - HEADER.length).slice();
        if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
            return 0;
        }
        if (tiff.getShort(2) != 42) {
            return 0;
        }
        long directory = Integer.toUnsignedLong(tiff.getInt(4));
        if (directory < 8 || directory + 2 > tiff.limit()) {
            return 0;
        }
        int entries = Short.toUnsignedInt(tiff.getShort((int) directory));
        if (directory + 2 + (long) entries * ENTRY > tiff.limit()) {
            return 0;
        }
        for (int e = 0; e < entries; e++) {
            int at = (int) directory + 2 + e * ENTRY;
            if (Short.toUnsignedInt(tiff.getShort(at)) == TAG && tiff.getShort(at + 2) == SHORT
                    && tiff.getInt(at + 4) == 1) {
                int value = Short.toUnsignedInt(tiff.getShort(at + 8));
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    /** An APP1 segment (marker, length and data) whose EXIF holds the orientation alone, little-endian. */
    static byte[] segment(int orientation) {
        ByteBuffer data = ByteBuffer.allocate(2 + 2 + HEADER.length + 8 + 2 + ENTRY + 4);
        data.put((byte) 0xFF).put((byte) 0xE1);
        data.putShort((short) (data.capacity() - 2)); // the length counts itself, not the marker
        data.put(HEADER);
        data.order(ByteOrder.LITTLE_ENDIAN);
        data.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8); // TIFF header, first directory at 8
        data.putShort((short) 1); // one entry
        data.putShort((short) TAG).putShort((short) SHORT).putInt(1).putShort((short) orientation).putShort((short) 0);
        data.putInt(0); // no next directory
        return data.array();
    }
}
