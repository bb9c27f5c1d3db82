package cn.chengxin.listing;

import java.time.Instant;
import java.util.UUID;

import cn.chengxin.creditfile.RecordProceeding;

/**
 * An administrative review or lawsuit against a list entry itself (行政复议/诉讼), as flagged by the credit office:
 * pending until cleared with its {@code outcome} ({@link EntryProceedings}). Its kinds are those of a record's.
 */
public record EntryProceeding(UUID id, UUID entryId, RecordProceeding.Kind kind, String note, String flaggedBy,
                              Instant flaggedAt, String clearedBy, Instant clearedAt, String outcome) {

    public boolean pending() {
        return clearedAt == null;
    }
}
