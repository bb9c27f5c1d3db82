package cn.chengxin.ingestion.parsing;

import java.util.Optional;

/**
 * The rows of one uploaded file, pulled one at a time so that memory stays bounded whatever the file size.
 * Not thread-safe. Once {@link #next()} has thrown a {@link FileProblem}, every later call throws it again:
 * a file is accepted or refused as a whole, never silently truncated.
 */
public interface RowSource extends AutoCloseable {

    /**
     * The next data row, or empty at the end of the file. Blank rows are skipped.
     *
     * @throws FileProblem when the file turns out to be malformed or over a limit at this point
     */
    Optional<SourceRow> next();

    /** Bytes of the file consumed so far, for progress reporting. */
    long bytesRead();

    /** Releases the file; never throws. */
    @Override
    void close();
}
