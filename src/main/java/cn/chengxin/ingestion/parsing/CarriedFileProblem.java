package cn.chengxin.ingestion.parsing;

import java.io.IOException;
import java.util.Optional;

/**
 * Lets a {@link FileProblem} raised deep inside a stream (size limit, NUL byte, overlong record) travel
 * through libraries that only let {@link IOException}s pass, wrapping them as they go, so that the reader on
 * top can find it again with {@link #find(Throwable)}.
 */
final class CarriedFileProblem extends IOException {

    private static final int MAX_DEPTH = 16;

    private final transient FileProblem problem;

    CarriedFileProblem(FileProblem problem) {
        super(problem.code());
        this.problem = problem;
    }

    /** A stack trace would only show the stream internals, and costs time on every refused file. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    FileProblem problem() {
        return problem;
    }

    /** The file problem somewhere in {@code thrown}'s cause chain, if any. */
    static Optional<FileProblem> find(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof FileProblem problem) {
                return Optional.of(problem);
            }
            if (t instanceof CarriedFileProblem carried) {
                return Optional.of(carried.problem());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code thrown} or one of its causes is a {@code type}. */
    static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
