package cn.chengxin.shared.jdbc;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads the rows of a PostgreSQL {@code COPY … TO STDOUT (FORMAT binary)}, field by field in the order of the
 * query's columns: no text to parse, no per-field objects beyond the values. Typed readers for the column types
 * used; each returns null for SQL NULL.
 */
public final class CopyRows {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** PostgreSQL's binary dates count days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final DataInputStream in;
    private int fieldsLeft;

    CopyRows(DataInputStream in) throws IOException {
        this.in = in;
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt();
        in.skipNBytes(in.readInt());
    }

    /** Moves to the next row; false after the last. */
    public boolean next() throws IOException {
        while (fieldsLeft > 0) {
            skip();
        }
        short fields;
        try {
            fields = in.readShort();
        } catch (EOFException e) {
            return false;
        }
        if (fields < 0) {
            return false;
        }
        fieldsLeft = fields;
        return true;
    }

    public UUID uuid() throws IOException {
        if (length() < 0) {
            return null;
        }
        return new UUID(in.readLong(), in.readLong());
    }

    public String text() throws IOException {
        int length = length();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public LocalDate date() throws IOException {
        if (length() < 0) {
            return null;
        }
        return LocalDate.ofEpochDay(POSTGRES_EPOCH_DAY + in.readInt());
    }

    public Integer int4() throws IOException {
        if (length() < 0) {
            return null;
        }
        return in.readInt();
    }

    /** Skips the next field. */
    public void skip() throws IOException {
        int length = length();
        if (length > 0) {
            in.skipNBytes(length);
        }
    }

    private int length() throws IOException {
        if (fieldsLeft == 0) {
            throw new IOException("no field left in this row");
        }
        fieldsLeft--;
        return in.readInt();
    }
}
