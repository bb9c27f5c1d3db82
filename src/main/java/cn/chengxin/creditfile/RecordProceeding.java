package cn.chengxin.creditfile;

import java.time.Instant;
import java.util.UUID;

/** An administrative review or lawsuit pending against the decision behind a record (行政复议/诉讼), as flagged. */
public record RecordProceeding(UUID id, UUID subjectId, UUID recordKey, Kind kind, String note, String flaggedBy,
                               Instant flaggedAt) {

    public enum Kind {
        ADMINISTRATIVE_REVIEW("行政复议中"), LAWSUIT("行政诉讼中");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
