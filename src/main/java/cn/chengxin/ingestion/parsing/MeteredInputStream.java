package cn.chengxin.ingestion.parsing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes a text reader pulls from an upload and stops it early: past {@code maxBytes}
 * (FILE_TOO_LARGE), at a NUL byte (FILE_UNREADABLE: binary files and UTF-16 exports hold them), and when one
 * record grows past {@code maxRecordBytes}. A reader of CSV may take a lone NUL, one between text bytes: a department's
 * cell can hold one, and it is that row's CONTROL_CHARACTER error, not the whole file's (issue #4); a run of them
 * is binary data. The last guard matters because a
 * single unbalanced quote makes a CSV parser swallow the rest of the file into one field, in memory.
 *
 * <p>Problems leave as {@link CarriedFileProblem}s so that they cross the parser unchanged. The record
 * window is approximate by the read-ahead of the readers above (a few KB), which is why the record limit is
 * set far above any legitimate record.
 */
final class MeteredInputStream extends FilterInputStream {

    /** Text in which more than one byte in this many is NUL is none (binary data, UTF-16). */
    private static final int NUL_SHARE_OF_BINARY = 16;

    private final long maxBytes;
    private final long maxRecordBytes;
    private final FileProblemCode recordTooLong;
    private final boolean loneNulAllowed;
    private boolean afterNul;
    private long nuls;
    private long count;
    private long recordStart;

    /**
     * @param maxRecordBytes largest number of bytes between two {@link #startRecord()} calls, or
     *                       {@link Long#MAX_VALUE} for no such limit
     * @param recordTooLong  the problem to report when a record is too long
     */
    MeteredInputStream(InputStream in, long maxBytes, long maxRecordBytes, FileProblemCode recordTooLong) {
        this(in, maxBytes, maxRecordBytes, recordTooLong, false);
    }

    /** @param loneNulAllowed whether a NUL between other bytes passes (CSV: a cell's character), a run of them not */
    MeteredInputStream(InputStream in, long maxBytes, long maxRecordBytes, FileProblemCode recordTooLong,
                       boolean loneNulAllowed) {
        super(in);
        this.maxBytes = maxBytes;
        this.maxRecordBytes = maxRecordBytes;
        this.recordTooLong = recordTooLong;
        this.loneNulAllowed = loneNulAllowed;
    }

    /** Bytes delivered to the reader so far. */
    long count() {
        return count;
    }

    /** Marks the start of a new record for the record-length guard. */
    void startRecord() {
        recordStart = count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            checkNul(b == 0, count + 1);
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            for (int i = offset; i < offset + n; i++) {
                checkNul(buffer[i] == 0, count + i - offset + 1);
            }
            advance(n);
        }
        return n;
    }

    /**
     * A NUL refused, unless lone NULs are allowed and this one is: not right after another, and not one of many (more
     * than one byte in {@link #NUL_SHARE_OF_BINARY} up to {@code position}, the bytes read with this one, as in a
     * UTF-16 export, where every ASCII character brings one).
     */
    private void checkNul(boolean nul, long position) throws CarriedFileProblem {
        if (nul) {
            nuls++;
            if (!loneNulAllowed || afterNul || (nuls > 1 && nuls * NUL_SHARE_OF_BINARY > position)) {
                throw new CarriedFileProblem(new FileProblem(FileProblemCode.FILE_UNREADABLE));
            }
        }
        afterNul = nul;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            advance(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(long n) throws CarriedFileProblem {
        count += n;
        if (count > maxBytes) {
            throw new CarriedFileProblem(new FileProblem(FileProblemCode.FILE_TOO_LARGE));
        }
        if (count - recordStart > maxRecordBytes) {
            throw new CarriedFileProblem(new FileProblem(recordTooLong));
        }
    }
}
