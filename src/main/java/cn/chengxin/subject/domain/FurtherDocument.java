package cn.chengxin.subject.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A further identity document proposed for a person ({@link FurtherDocuments}), as staff see it: its type and masked
 * number, never the number. Lifecycle: {@code PENDING} → {@code APPROVED} (the subject holds it) or {@code REJECTED},
 * decided once, by another person than the proposer ({@link FurtherDocuments#REVIEW}).
 *
 * @param validFrom the first day the document is valid, null when not given
 * @param validTo   its last day, null when not given or without end
 */
public record FurtherDocument(UUID id, UUID subjectId, DocumentType documentType, String maskedNumber,
                              LocalDate validFrom, LocalDate validTo, String evidenceReference, String reason,
                              String proposedBy, String proposedByName, Instant proposedAt, Status status,
                              String decidedBy, String decidedByName, Instant decidedAt, String decisionNote)
        implements Review.Reviewed {

    @Override
    public boolean pending() {
        return status == Status.PENDING;
    }

    public enum Status {
        PENDING("待审核"), APPROVED("已添加"), REJECTED("不予添加");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
