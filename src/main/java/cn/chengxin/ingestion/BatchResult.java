package cn.chengxin.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of a batch: counts, every rejected row and, for a FAILED batch, why and where it stopped
 * ({@code failure}, null otherwise). {@code replayed}: this is the first result, returned again.
 */
public record BatchResult(UUID batchId, String status, int received, int accepted, int duplicates, int rejected,
                          List<RowError> errors, BatchFailure failure, Instant startedAt, Instant finishedAt,
                          boolean replayed) {

    public BatchResult {
        errors = List.copyOf(errors);
    }

    BatchResult asReplay() {
        return new BatchResult(batchId, status, received, accepted, duplicates, rejected, errors, failure, startedAt,
                finishedAt, true);
    }
}
