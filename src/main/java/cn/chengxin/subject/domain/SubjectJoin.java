package cn.chengxin.subject.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A proposal to join one person's second credit file into the first ({@link SubjectJoins}), as staff see it: the
 * subject kept, and of the subject joined its id, document type and masked number, never the number. Lifecycle:
 * {@code PENDING} → {@code APPROVED} (the files are one) or {@code REJECTED}, decided once, by another person than the
 * proposer ({@link SubjectJoins#REVIEW}).
 *
 * @param subjectId       the subject kept
 * @param joinedPseudonym the joined subject's pseudonym, under which its earlier audit events stay
 */
public record SubjectJoin(UUID id, UUID subjectId, UUID joinedId, DocumentType joinedDocumentType, String joinedMasked,
                          String joinedPseudonym, String evidenceReference, String reason, String proposedBy,
                          String proposedByName, Instant proposedAt, FurtherDocument.Status status, String decidedBy,
                          String decidedByName, Instant decidedAt, String decisionNote) implements Review.Reviewed {

    @Override
    public boolean pending() {
        return status == FurtherDocument.Status.PENDING;
    }
}
