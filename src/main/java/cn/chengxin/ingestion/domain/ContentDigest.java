package cn.chengxin.ingestion.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of what a department sent (issue #4: the same batch or row again is a replay, other content under the
 * same id a conflict): SHA-256 over its values written so that no two different contents write the same bytes. Each
 * text is its length in bytes and its UTF-8 bytes, or a mark of its own when absent; fields are their number, then
 * each name and value in the order of the names. Separators and {@code Map.toString()} were not enough: a value
 * holding ", b=2" or "\nb=2" made two contents alike, and another batch was answered as a replay.
 *
 * <p>A digest of this form starts with {@link #FORM}, so that it can never equal one of the form before, which the
 * batches and records stored before carry: those are still compared with the content's digest in that form, so
 * that a resend of what they hold is still recognised.
 */
public final class ContentDigest {

    /** What starts every digest of this form. */
    public static final String FORM = "v2:";
    private static final int ABSENT = -1;

    private final MessageDigest sha;

    private ContentDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ContentDigest of() {
        return new ContentDigest();
    }

    /** A text, {@code null} included (written apart from every text, the empty one and "null" too). */
    public ContentDigest text(String value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(ABSENT).array());
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha.update(bytes);
        return this;
    }

    /** Named values, in the order of their names: the order they were sent in is not content. */
    public ContentDigest fields(Map<String, String> fields) {
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(fields.size()).array());
        new TreeMap<>(fields).forEach((name, value) -> text(name).text(value));
        return this;
    }

    /** The digest, as stored: {@link #FORM} and 64 hexadecimal digits. */
    public String hex() {
        return FORM + HexFormat.of().formatHex(sha.digest());
    }
}
