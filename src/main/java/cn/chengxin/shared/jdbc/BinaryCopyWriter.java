package cn.chengxin.shared.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.postgresql.copy.CopyIn;

/**
 * Builds the rows of a PostgreSQL {@code COPY … FROM STDIN (FORMAT binary)}: each value as its binary form, so the
 * server parses no text and the client formats none (a tenth of the cost of arrays of text for a page of some
 * 25,000 rows of bytes). Every row starts with {@link #row(int)} and then gives exactly that many values, in the
 * order of the columns named in the COPY.
 */
public final class BinaryCopyWriter {

    private static final byte[] HEADER = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    /** PostgreSQL's binary timestamps count microseconds from 2000-01-01 00:00 UTC. */
    /** The end of the stream: a row of -1 fields. */
    private static final byte[] TRAILER = {-1, -1};
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final byte JSONB_VERSION = 1;

    private byte[] out = new byte[1 << 16];
    private int size;
    private int rows;

    public BinaryCopyWriter() {
        put(HEADER, 0, HEADER.length);
    }

    /** Starts a row of {@code fields} values. */
    public BinaryCopyWriter row(int fields) {
        ensure(2);
        out[size++] = (byte) (fields >>> 8);
        out[size++] = (byte) fields;
        rows++;
        return this;
    }

    public BinaryCopyWriter nullValue() {
        putInt(-1);
        return this;
    }

    public BinaryCopyWriter uuid(long most, long least) {
        putInt(16);
        putLong(most);
        putLong(least);
        return this;
    }

    /** A uuid that may be null. */
    public BinaryCopyWriter uuid(UUID value) {
        return value == null ? nullValue() : uuid(value.getMostSignificantBits(), value.getLeastSignificantBits());
    }

    /** A date that may be null: PostgreSQL's binary dates count days from 2000-01-01. */
    public BinaryCopyWriter date(LocalDate value) {
        return value == null ? nullValue() : int4((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
    }

    /**
     * A jsonb value given as its JSON text in UTF-8 (null: SQL NULL): the binary form is a version byte (1) and the
     * text, which the server parses as it would the text format's.
     */
    public BinaryCopyWriter jsonb(byte[] utf8Json) {
        if (utf8Json == null) {
            return nullValue();
        }
        putInt(utf8Json.length + 1);
        ensure(1);
        out[size++] = JSONB_VERSION;
        put(utf8Json, 0, utf8Json.length);
        return this;
    }

    public BinaryCopyWriter int4(int value) {
        putInt(4);
        putInt(value);
        return this;
    }

    /** An int4 that may be null. */
    public BinaryCopyWriter int4(Integer value) {
        return value == null ? nullValue() : int4(value.intValue());
    }

    public BinaryCopyWriter bool(boolean value) {
        putInt(1);
        ensure(1);
        out[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** A timestamptz given as microseconds since 1970-01-01 UTC. */
    public BinaryCopyWriter timestamp(long epochMicros) {
        putInt(8);
        putLong(epochMicros - POSTGRES_EPOCH_MICROS);
        return this;
    }

    /**
     * A timestamptz, rounded to the microsecond as the PostgreSQL driver rounds a {@code Timestamp} parameter: a value
     * copied and the same value bound to a statement (a record's acceptance and its state event) read back equal.
     */
    public BinaryCopyWriter timestamp(java.time.Instant value) {
        return timestamp(Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L),
                (value.getNano() + 500) / 1000));
    }

    /** A text value (null: SQL NULL). */
    public BinaryCopyWriter text(String value) {
        return value == null ? nullValue() : utf8(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A text value already encoded as UTF-8 (e.g. a code encoded once for every row); null: SQL NULL. */
    public BinaryCopyWriter utf8(byte[] value) {
        return value == null ? nullValue() : bytes(value, 0, value.length);
    }

    /** A bytea value (or any value given in its binary form). */
    public BinaryCopyWriter bytes(byte[] value, int offset, int length) {
        putInt(length);
        put(value, offset, length);
        return this;
    }

    /** Rows written so far. */
    public int rows() {
        return rows;
    }

    /**
     * Sends the stream so far and its trailer to {@code copy} straight from the buffer (a page of scores is some
     * 8 MB: no copy of it); the rows stay, so they can be sent again.
     */
    void sendTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(out, 0, size);
        copy.writeToCopy(TRAILER, 0, TRAILER.length);
    }

    /**
     * Forgets the rows, keeping the buffer: a writer reused page after page grows once, not from 64 kB each time
     * (every doubling past half a G1 region is a humongous allocation).
     */
    public BinaryCopyWriter clear() {
        size = 0;
        rows = 0;
        put(HEADER, 0, HEADER.length);
        return this;
    }

    private void putInt(int v) {
        ensure(4);
        out[size++] = (byte) (v >>> 24);
        out[size++] = (byte) (v >>> 16);
        out[size++] = (byte) (v >>> 8);
        out[size++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void put(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, out, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
