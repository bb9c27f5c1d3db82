package cn.chengxin.creditfile;

import java.util.Set;
import java.util.UUID;

/**
 * Published once per stored chunk (and per expiry run) with the subjects whose files changed, so that
 * lists and scores recompute those subjects in bulk (ARCHITECTURE.md: set-based, not row-by-row).
 *
 * @param backLoad whether the chunk came from a batch marked {@code origin=MIGRATION}: a city's history back-loaded at
 *                 its cut-over (gaps review xliii X4). Scores are still recomputed, so the grade is right, but nobody
 *                 is told of it as news, and list proposals it makes are marked as from the migration.
 */
public record RecordsChanged(UUID batchId, Set<UUID> subjectIds, String cause, boolean backLoad) {

    public RecordsChanged {
        subjectIds = Set.copyOf(subjectIds);
    }

    /** A change that is no back-load: every change but a stored chunk of a migration batch. */
    public RecordsChanged(UUID batchId, Set<UUID> subjectIds, String cause) {
        this(batchId, subjectIds, cause, false);
    }
}
