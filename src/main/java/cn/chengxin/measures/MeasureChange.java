package cn.chengxin.measures;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of a measure waiting for, or past, its review (双人复核, issue #5): a revision of what it says
 * ({@code revision}, its kind and switch as they were) or its switch on or off ({@code enabled}). Proposed by one
 * person, applied only once another approves it, or rejected with a reason. The ids say who (the maker-checker check
 * compares them), the names are what the console shows.
 */
public record MeasureChange(UUID id, String measureCode, Kind kind, Measure revision, Boolean enabled,
                            String proposedBy, String proposerName, Instant proposedAt, Status status,
                            String decidedBy, String deciderName, Instant decidedAt, String decisionNote) {

    public enum Kind {
        REVISION, SWITCH
    }

    public enum Status {
        PENDING, APPROVED, REJECTED
    }
}
