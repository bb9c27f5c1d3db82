package cn.chengxin.shared.jdbc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.postgresql.copy.CopyOut;

/**
 * Reads the rows of a PostgreSQL {@code COPY … TO STDOUT (FORMAT binary)}, field by field in the order of the
 * query's columns: no text to parse, no per-field objects beyond the values. Typed readers for the column types
 * used; each returns null for SQL NULL. The server sends each row in a message of its own (the protocol promises
 * it), the file header with the first, so a row is read from one array, in place: a reader of 10,000,000 rows
 * makes no buffer object per row.
 */
public final class CopyRows {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** PostgreSQL's binary dates count days from 2000-01-01: this day as {@link LocalDate#toEpochDay()}. */
    public static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final CopyOut copy;
    private boolean headerRead;
    private byte[] row;
    /** The next byte to read in {@link #row}. */
    private int position;
    private int fieldsLeft;
    private int fieldStart;

    CopyRows(CopyOut copy) {
        this.copy = copy;
    }

    /** Moves to the next row; false after the last. */
    public boolean next() throws IOException {
        byte[] message;
        try {
            message = copy.readFromCopy();
        } catch (SQLException e) {
            throw new IOException(e);
        }
        if (message == null) {
            return false;
        }
        row = message;
        position = 0;
        if (!headerRead) {
            if (message.length < SIGNATURE.length + 8
                    || !Arrays.equals(message, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new IOException("not a binary COPY stream");
            }
            position = SIGNATURE.length + 4;
            int extension = nextInt();
            position += extension;
            headerRead = true;
        }
        short fields = (short) SHORT.get(row, position);
        position += 2;
        if (fields < 0) {
            // the trailer; the server ends the copy right after it
            while (readQuietly() != null) {
                // nothing follows the trailer
            }
            return false;
        }
        fieldsLeft = fields;
        return true;
    }

    public UUID uuid() throws IOException {
        if (length() < 0) {
            return null;
        }
        return new UUID(nextLong(), nextLong());
    }

    /**
     * Reads a uuid that is not null into {@code most[index]} and {@code least[index]}: for readers that keep millions of
     * ids in columns rather than as objects.
     */
    public void uuidInto(long[] most, long[] least, int index) throws IOException {
        if (length() != 16) {
            throw new IOException("expected a uuid");
        }
        most[index] = nextLong();
        least[index] = nextLong();
    }

    /** A timestamp(tz), as microseconds since 1970-01-01 UTC; {@link Long#MIN_VALUE} for null. */
    public long epochMicros() throws IOException {
        if (length() < 0) {
            return Long.MIN_VALUE;
        }
        return nextLong() + POSTGRES_EPOCH_DAY * 86_400_000_000L;
    }

    /** A bytea's bytes; null for null. */
    public byte[] bytes() throws IOException {
        int length = length();
        if (length < 0) {
            return null;
        }
        byte[] value = Arrays.copyOfRange(row, position, position + length);
        position += length;
        return value;
    }

    /**
     * Leaves the next field, a bytea, where it is, for readers of millions of values that need no copy of each:
     * returns its length (-1 for null); its bytes are in {@link #array()} from {@link #fieldStart()}, until
     * {@link #next()}.
     */
    public int bytesInPlace() throws IOException {
        int length = length();
        fieldStart = position;
        if (length > 0) {
            position += length;
        }
        return length;
    }

    /** The array holding the current row (see {@link #bytesInPlace()}); not to be changed. */
    public byte[] array() {
        return row;
    }

    /** Where the field last left in place starts in {@link #array()}. */
    public int fieldStart() {
        return fieldStart;
    }

    public String text() throws IOException {
        int length = length();
        if (length < 0) {
            return null;
        }
        String value = new String(row, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    public LocalDate date() throws IOException {
        if (length() < 0) {
            return null;
        }
        return LocalDate.ofEpochDay(POSTGRES_EPOCH_DAY + nextInt());
    }

    public Integer int4() throws IOException {
        if (length() < 0) {
            return null;
        }
        return nextInt();
    }

    /** Skips the next field. */
    public void skip() throws IOException {
        int length = length();
        if (length > 0) {
            position += length;
        }
    }

    private int length() throws IOException {
        if (fieldsLeft == 0) {
            throw new IOException("no field left in this row");
        }
        fieldsLeft--;
        return nextInt();
    }

    private int nextInt() {
        int value = (int) INT.get(row, position);
        position += 4;
        return value;
    }

    private long nextLong() {
        long value = (long) LONG.get(row, position);
        position += 8;
        return value;
    }

    private byte[] readQuietly() throws IOException {
        try {
            return copy.readFromCopy();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
