package cn.chengxin.shared.jdbc;

import java.io.IOException;
import java.nio.ByteBuffer;
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
 * it), the file header with the first, so a row is read from one array.
 */
public final class CopyRows {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** PostgreSQL's binary dates count days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final CopyOut copy;
    private boolean headerRead;
    private ByteBuffer row;
    private int fieldsLeft;

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
        row = ByteBuffer.wrap(message);
        if (!headerRead) {
            byte[] signature = new byte[SIGNATURE.length];
            row.get(signature);
            if (!Arrays.equals(signature, SIGNATURE)) {
                throw new IOException("not a binary COPY stream");
            }
            row.getInt();
            int extension = row.getInt();
            row.position(row.position() + extension);
            headerRead = true;
        }
        short fields = row.getShort();
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
        return new UUID(row.getLong(), row.getLong());
    }

    /**
     * Reads a uuid that is not null into {@code most[at]} and {@code least[at]}: for readers that keep millions of
     * ids in columns rather than as objects.
     */
    public void uuidInto(long[] most, long[] least, int at) throws IOException {
        if (length() != 16) {
            throw new IOException("expected a uuid");
        }
        most[at] = row.getLong();
        least[at] = row.getLong();
    }

    /**
     * The position among {@code choices} (UTF-8 bytes) of the text in the next field; -1 for another text or null.
     * Compares bytes, so that a column of a few distinct codes is read without a string per row.
     */
    public int textIndex(byte[][] choices) throws IOException {
        int length = length();
        if (length < 0) {
            return -1;
        }
        int from = row.position();
        row.position(from + length);
        byte[] bytes = row.array();
        for (int i = 0; i < choices.length; i++) {
            byte[] choice = choices[i];
            if (choice.length == length && Arrays.equals(bytes, from, from + length, choice, 0, length)) {
                return i;
            }
        }
        return -1;
    }

    /** A date that is not null, as days since 1970-01-01 ({@link LocalDate#toEpochDay()}). */
    public int epochDay() throws IOException {
        if (length() != 4) {
            throw new IOException("expected a date");
        }
        return (int) (POSTGRES_EPOCH_DAY + row.getInt());
    }

    /** A timestamp(tz), as microseconds since 1970-01-01 UTC; {@link Long#MIN_VALUE} for null. */
    public long epochMicros() throws IOException {
        if (length() < 0) {
            return Long.MIN_VALUE;
        }
        return row.getLong() + POSTGRES_EPOCH_DAY * 86_400_000_000L;
    }

    /** A bytea's bytes; null for null. */
    public byte[] bytes() throws IOException {
        int length = length();
        if (length < 0) {
            return null;
        }
        byte[] value = new byte[length];
        row.get(value);
        return value;
    }

    public String text() throws IOException {
        int length = length();
        if (length < 0) {
            return null;
        }
        String value = new String(row.array(), row.position(), length, StandardCharsets.UTF_8);
        row.position(row.position() + length);
        return value;
    }

    public LocalDate date() throws IOException {
        if (length() < 0) {
            return null;
        }
        return LocalDate.ofEpochDay(POSTGRES_EPOCH_DAY + row.getInt());
    }

    public Integer int4() throws IOException {
        if (length() < 0) {
            return null;
        }
        return row.getInt();
    }

    /** Skips the next field. */
    public void skip() throws IOException {
        int length = length();
        if (length > 0) {
            row.position(row.position() + length);
        }
    }

    private int length() throws IOException {
        if (fieldsLeft == 0) {
            throw new IOException("no field left in this row");
        }
        fieldsLeft--;
        return row.getInt();
    }

    private byte[] readQuietly() throws IOException {
        try {
            return copy.readFromCopy();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
