package cn.chengxin.creditfile;

import java.util.Set;
import java.util.UUID;

/**
 * Published once per stored chunk (and per expiry run) with the subjects whose files changed, so that
 * lists and scores recompute those subjects in bulk (ARCHITECTURE.md: set-based, not row-by-row).
 */
public record RecordsChanged(UUID batchId, Set<UUID> subjectIds, String cause) {

    public RecordsChanged {
        subjectIds = Set.copyOf(subjectIds);
    }
}
