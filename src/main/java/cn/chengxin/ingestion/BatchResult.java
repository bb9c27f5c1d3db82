package cn.chengxin.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of a batch: counts, the problems of its rejected rows and, for a FAILED batch, why and where it stopped
 * ({@code failure}, null otherwise). {@code replayed}: this is the first result, returned again.
 *
 * @param errors     the problems of the first rejected rows, in the order of the file, at most {@link #ERRORS_SHOWN}:
 *                   a result is read at every poll of a batch's progress, and a file of a million bad rows must not
 *                   be read whole each time (the rest: {@link Submissions#errors} and the error report)
 * @param errorCount every problem found (a row with two problems has two)
 * @param warnings   what the department should know of rows accepted all the same ({@link RowWarning}, such as
 *                   SUBJECT_FORMER_NAME), in the order of the file, at most {@link #ERRORS_SHOWN}
 * @param warningCount every warning given
 * @param percentRead while a file runs on the instance answering, how much of it is read (0 to 99): its rows are
 *                    counted only at its end; null otherwise
 * @param origin     why the batch was sent, as it was stored (gaps review xliii X4): ROUTINE, a department's delivery,
 *                   or MIGRATION, a city's history back-loaded at its cut-over (历史数据迁移); a validate-only answer
 *                   carries the origin asked for
 */
public record BatchResult(UUID batchId, String status, int received, int accepted, int duplicates, int rejected,
                          List<RowError> errors, long errorCount, List<RowWarning> warnings, long warningCount,
                          BatchFailure failure, Instant startedAt, Instant finishedAt, boolean replayed,
                          Integer percentRead, BatchOrigin origin) {

    public static final int ERRORS_SHOWN = 10_000;

    public BatchResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        origin = BatchOrigin.orRoutine(origin);
    }

    BatchResult asReplay() {
        return new BatchResult(batchId, status, received, accepted, duplicates, rejected, errors, errorCount, warnings,
                warningCount, failure, startedAt, finishedAt, true, percentRead, origin);
    }

    /** This answer as about a batch sent as {@code asked}: a validate-only check stores none to read it from. */
    public BatchResult asSentAs(BatchOrigin asked) {
        return new BatchResult(batchId, status, received, accepted, duplicates, rejected, errors, errorCount, warnings,
                warningCount, failure, startedAt, finishedAt, replayed, percentRead, asked);
    }

    BatchResult withPercentRead(java.util.OptionalInt percent) {
        return new BatchResult(batchId, status, received, accepted, duplicates, rejected, errors, errorCount, warnings,
                warningCount, failure, startedAt, finishedAt, replayed, percent.isPresent() ? percent.getAsInt() : null,
                origin);
    }
}
