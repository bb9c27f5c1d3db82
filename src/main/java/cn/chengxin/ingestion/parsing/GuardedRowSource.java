package cn.chengxin.ingestion.parsing;

import java.util.Optional;

/**
 * What every format's reader must do the same way, kept in one place: count data rows against
 * {@link Limits#maxRows()} (FILE_TOO_MANY_ROWS on the first row too many, so a caller that stores rows as it
 * goes can roll back), keep failing once a problem was raised (so a caller that catches and carries on cannot
 * mistake a refused file for a shorter one), and refuse to read after close.
 */
final class GuardedRowSource implements RowSource {

    private final RowSource delegate;
    private final long maxRows;
    private long rows;
    private FileProblem failure;
    private boolean closed;

    GuardedRowSource(RowSource delegate, long maxRows) {
        this.delegate = delegate;
        this.maxRows = maxRows;
    }

    @Override
    public Optional<SourceRow> next() {
        if (closed) {
            throw new IllegalStateException("row source is closed");
        }
        if (failure != null) {
            throw failure;
        }
        try {
            Optional<SourceRow> row = delegate.next();
            if (row.isPresent() && ++rows > maxRows) {
                throw new FileProblem(FileProblemCode.FILE_TOO_MANY_ROWS, row.get().line());
            }
            return row;
        } catch (FileProblem problem) {
            failure = problem;
            throw problem;
        }
    }

    @Override
    public long bytesRead() {
        return delegate.bytesRead();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            delegate.close();
        }
    }
}
