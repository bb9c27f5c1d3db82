package cn.chengxin.ingestion.parsing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes a text reader pulls from an upload and stops it early: past {@code maxBytes}
 * (FILE_TOO_LARGE), at a NUL byte (FILE_UNREADABLE: text files never contain one, binary files and UTF-16
 * exports do), and when one record grows past {@code maxRecordBytes}. The last guard matters because a
 * single unbalanced quote makes a CSV parser swallow the rest of the file into one field, in memory.
 *
 * <p>Problems leave as {@link CarriedFileProblem}s so that they cross the parser unchanged. The record
 * window is approximate by the read-ahead of the readers above (a few KB), which is why the record limit is
 * set far above any legitimate record.
 */
final class MeteredInputStream extends FilterInputStream {

    private final long maxBytes;
    private final long maxRecordBytes;
    private final FileProblemCode recordTooLong;
    private long count;
    private long recordStart;

    /**
     * @param maxRecordBytes largest number of bytes between two {@link #startRecord()} calls, or
     *                       {@link Long#MAX_VALUE} for no such limit
     * @param recordTooLong  the problem to report when a record is too long
     */
    MeteredInputStream(InputStream in, long maxBytes, long maxRecordBytes, FileProblemCode recordTooLong) {
        super(in);
        this.maxBytes = maxBytes;
        this.maxRecordBytes = maxRecordBytes;
        this.recordTooLong = recordTooLong;
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
            if (b == 0) {
                throw new CarriedFileProblem(new FileProblem(FileProblemCode.FILE_UNREADABLE));
            }
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == 0) {
                    throw new CarriedFileProblem(new FileProblem(FileProblemCode.FILE_UNREADABLE));
                }
            }
            advance(n);
        }
        return n;
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
