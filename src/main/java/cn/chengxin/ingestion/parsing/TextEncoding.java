package cn.chengxin.ingestion.parsing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character encoding of a CSV upload. Departments send UTF-8 (from systems, with or without a BOM) or
 * GB18030/GBK (Excel "CSV" exports on Chinese Windows); nothing in the file says which. UTF-8 is very
 * unlikely to be valid by accident, so the rule is: valid UTF-8 → UTF-8, otherwise GB18030 (a superset of
 * GBK and GB2312).
 *
 * <p>Only ASCII bytes are the same in both, so the check looks at the first {@value #WINDOW} bytes <em>from the
 * first non-ASCII byte</em> on: a file whose first thousand rows are digits still gets the right answer.
 * Readers then decode strictly anyway, so a wrong guess fails loudly (FILE_UNREADABLE) instead of storing
 * mojibake.
 *
 * @param charset   UTF-8 or GB18030
 * @param bomLength bytes of byte-order mark to skip at the start (3 for a UTF-8 BOM, else 0)
 */
record TextEncoding(Charset charset, int bomLength) {

    static final int WINDOW = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    /** UTF-8 BOM followed by nothing but UTF-8 is the common case of .NET/Java exports. */
    static TextEncoding detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), WINDOW)) {
            byte[] start = in.readNBytes(3);
            if (start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                    && (start[2] & 0xFF) == 0xBF) {
                return new TextEncoding(StandardCharsets.UTF_8, 3);
            }
            byte[] window = windowFromFirstNonAscii(start, in);
            if (window.length == 0 || isUtf8(window, in.read() < 0)) {
                return new TextEncoding(StandardCharsets.UTF_8, 0);
            }
            return new TextEncoding(GB18030, 0);
        }
    }

    /** Up to {@link #WINDOW} bytes starting at the first byte ≥ 0x80, or none if the file is pure ASCII. */
    private static byte[] windowFromFirstNonAscii(byte[] start, InputStream rest) throws IOException {
        byte[] window = new byte[WINDOW];
        int length = 0;
        for (byte b : start) {
            if (length > 0 || b < 0) {
                window[length++] = b;
            }
        }
        int b;
        while (length == 0 && (b = rest.read()) >= 0) {
            if ((b & 0x80) != 0) {
                window[length++] = (byte) b;
            }
        }
        if (length == 0) {
            return new byte[0];
        }
        length += rest.readNBytes(window, length, WINDOW - length);
        return java.util.Arrays.copyOf(window, length);
    }

    /**
     * Whether {@code bytes} decode strictly as UTF-8. When the window was cut before the end of the file, a
     * multi-byte sequence cut at the window's end is not an error: the decoder leaves it unconsumed
     * (underflow) instead of reporting it.
     */
    private static boolean isUtf8(byte[] bytes, boolean endOfFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, endOfFile);
        if (result.isError()) {
            return false;
        }
        if (endOfFile) {
            return !decoder.flush(out).isError() && !in.hasRemaining();
        }
        return in.remaining() < 4;
    }

    /** A strict decoder for this encoding: malformed bytes are an error, never a replacement character. */
    CharsetDecoder strictDecoder() {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
