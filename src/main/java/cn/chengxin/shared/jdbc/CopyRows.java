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
