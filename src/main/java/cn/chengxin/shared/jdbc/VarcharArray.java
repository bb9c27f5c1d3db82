package cn.chengxin.shared.jdbc;

import java.nio.charset.StandardCharsets;

import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A {@code String[]} bound as a binary {@code varchar[]} (bind it with {@code setObject}), written straight into the
 * driver's parameter bytes: the same bytes, type and nulls as pgjdbc's own encoding of a {@code String[]}, for the
 * audit log's group commit, which binds some twenty text columns a commit. The driver's encoder goes through a
 * {@code ByteArrayOutputStream} (a synchronized write and a four-byte array per element, growth copies, a final copy)
 * and was ~21% of the writer thread's samples in session xlvii's profile; this one encodes each element once
 * ({@code getBytes}, as the driver does), then copies it once into the buffer the driver sends.
 *
 * <p>Write-only: the driver never reads a parameter back.
 */
public final class VarcharArray extends PGobject implements PGBinaryObject {

    private static final int VARCHAR_OID = 1043;
    private static final int HEADER = 20;

    private final byte[][] elements;
    private final int length;
    private final boolean hasNull;

    private VarcharArray(byte[][] elements, int length, boolean hasNull) {
        this.type = "_varchar";
        this.elements = elements;
        this.length = length;
        this.hasNull = hasNull;
    }

    /** The array's elements in order; a null element stays null. */
    public static VarcharArray of(String[] values) {
        byte[][] elements = new byte[values.length][];
        int length = HEADER;
        boolean hasNull = false;
        for (int i = 0; i < values.length; i++) {
            length += 4;
            if (values[i] == null) {
                hasNull = true;
            } else {
                elements[i] = values[i].getBytes(StandardCharsets.UTF_8);
                length += elements[i].length;
            }
        }
        return new VarcharArray(elements, length, hasNull);
    }

    @Override
    public int lengthInBytes() {
        return length;
    }

    /** PostgreSQL's binary array ({@code array_recv}): one dimension, lower bound 1, each element length-prefixed. */
    @Override
    public void toBytes(byte[] bytes, int offset) {
        int at = int4(bytes, offset, 1);
        at = int4(bytes, at, hasNull ? 1 : 0);
        at = int4(bytes, at, VARCHAR_OID);
        at = int4(bytes, at, elements.length);
        at = int4(bytes, at, 1);
        for (byte[] element : elements) {
            if (element == null) {
                at = int4(bytes, at, -1);
            } else {
                at = int4(bytes, at, element.length);
                System.arraycopy(element, 0, bytes, at, element.length);
                at += element.length;
            }
        }
    }

    @Override
    public void setByteValue(byte[] value, int offset) {
        throw new UnsupportedOperationException("a varchar[] parameter is written, never read");
    }

    /**
     * The array literal, which the driver sends only if binary transfer is off for {@code varchar[]} (it is on by
     * default): each element quoted, {@code "} and {@code \} escaped, null as {@code NULL}.
     */
    @Override
    public String getValue() {
        StringBuilder literal = new StringBuilder(length + elements.length * 3).append('{');
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            if (elements[i] == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (char c : new String(elements[i], StandardCharsets.UTF_8).toCharArray()) {
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private static int int4(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
        return at + 4;
    }
}
