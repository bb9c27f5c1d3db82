package cn.chengxin.portal;

import java.time.Instant;
import java.util.UUID;

import cn.chengxin.portal.tipoff.domain.TipOffStatus;

/**
 * A tip-off as the credit office handles it. A reported identity number is present only masked and as the
 * subject registry's pseudonym (for the audit log); {@code subjectId} is set when the registry knows it. The
 * reporter's name and contact are here only masked ({@code null}: not given); {@link TipOffDesk#revealReporter} opens
 * them. A tip-off past its retention ({@code purgedAt} set) has no facts, subject or reporter left.
 */
public record TipOff(UUID id, TipOffStatus status, int version, String subjectName, String subjectDocument,
                     String subjectMasked, String subjectPseudonym, UUID subjectId, String facts,
                     String reporterNameMasked, String reporterContactMasked, Instant receivedAt, String reply,
                     String handledBy, Instant handledAt, Instant purgedAt) {

    public boolean anonymous() {
        return (reporterNameMasked == null || reporterNameMasked.isEmpty()) && (reporterContactMasked == null
                || reporterContactMasked.isEmpty());
    }
}
