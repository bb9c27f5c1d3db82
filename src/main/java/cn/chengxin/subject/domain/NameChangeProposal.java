package cn.chengxin.subject.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A staff member's proposal to change a subject's registered name from {@code formerName} to {@code newName} as of
 * {@code effectiveFrom}. Lifecycle: {@code PENDING} → {@code APPROVED} or {@code REJECTED}, decided once, by another
 * person than the proposer ({@link NameChanges#REVIEW}). Until it is approved the registry keeps the
 * former name; on approval the new name becomes the subject's and the former one is kept with its period ({@link
 * FormerName}).
 */
public record NameChangeProposal(UUID id, UUID subjectId, String formerName, String newName, LocalDate effectiveFrom,
                                 NameChangeEvidence evidence, String evidenceReference, String reason,
                                 String proposedBy, String proposedByName, Instant proposedAt, Status status,
                                 String decidedBy, String decidedByName, Instant decidedAt, String decisionNote)
        implements Review.Reviewed {

    @Override
    public boolean pending() {
        return status == Status.PENDING;
    }

    public enum Status {
        PENDING("待审核"), APPROVED("已变更"), REJECTED("不予变更");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
