package cn.chengxin.subject.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A staff member's proposal to complete the unknown birth date of a person registered with a document that does not
 * carry one (passport, 通行证, …). Lifecycle: {@code PENDING} → {@code APPROVED} or {@code REJECTED}, decided once, by
 * another person than the proposer ({@link BirthDateCompletion#REVIEW}). Until it is approved the date
 * is used nowhere; on approval it becomes the person's birth date, which lists and scores then read.
 */
public record BirthDateProposal(UUID id, UUID subjectId, LocalDate birthDate, BirthDateEvidence evidence,
                                String evidenceReference, String reason, String proposedBy, String proposedByName,
                                Instant proposedAt, Status status, String decidedBy, String decidedByName,
                                Instant decidedAt, String decisionNote)
        implements Review.Reviewed {

    @Override
    public boolean pending() {
        return status == Status.PENDING;
    }

    public enum Status {
        PENDING("待审核"), APPROVED("已补全"), REJECTED("不予补全");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
