package cn.chengxin.account.domain;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Base32 as RFC 4648 §6 defines it (alphabet {@code A–Z 2–7}). Authenticator apps exchange TOTP secrets in
 * this form (otpauth URIs, manual entry), and API keys use its alphabet because it survives reading aloud and
 * case-folding. The JDK has no base32 codec, hence this one.
 *
 * <p>{@link #encode} writes upper case without the {@code =} padding, as the Key URI format expects.
 * {@link #decode} accepts what people type: lower case, spaces and trailing padding; anything else outside
 * the alphabet, or a length that no encoding can produce (RFC 4648 §6: 1, 3 or 6 characters in the last
 * group), is refused with {@link IllegalArgumentException}.
 */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /** The RFC 4648 base32 text of {@code data}, upper case, without padding. */
    public static String encode(byte[] data) {
        Objects.requireNonNull(data, "data");
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(ALPHABET.charAt((buffer >>> bits) & 0x1F));
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1F));
        }
        return out.toString();
    }

    /**
     * The bytes that {@code text} encodes.
     *
     * @throws IllegalArgumentException if a character is outside the alphabet (after ignoring case,
     *                                  whitespace and trailing {@code =}) or the length is impossible
     */
    public static byte[] decode(String text) {
        Objects.requireNonNull(text, "text");
        String symbols = canonical(text);
        int rest = symbols.length() % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new IllegalArgumentException("Base32 text has an impossible length");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(symbols.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < symbols.length(); i++) {
            int value = ALPHABET.indexOf(symbols.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Base32 text contains a character outside RFC 4648 §6");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >>> bits) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    /** Upper case, without whitespace and trailing padding; padding elsewhere stays and is then refused. */
    private static String canonical(String text) {
        StringBuilder symbols = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                symbols.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
            }
        }
        int end = symbols.length();
        while (end > 0 && symbols.charAt(end - 1) == '=') {
            end--;
        }
        symbols.setLength(end);
        return symbols.toString();
    }
}
