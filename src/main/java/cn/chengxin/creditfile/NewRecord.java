package cn.chengxin.creditfile;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A validated record version to store. The windows come from the item's rules (RULES.md §4): the last day
 * it is shown and used, and the last day it is kept; {@code null} for long-term.
 *
 * @param version     the department's version of its record (1 for a new one)
 * @param linkedFrom  for a responsible person's copy of an organisation's record: the source record's key
 * @param decisionDate {@code null} only for a revocation that gives none, with its windows: it takes the revoked
 *                     version's, as it does its decision number when it gives none and the content fields it leaves
 *                     out (issue #4)
 * @param revocationReason why a revocation revokes its record, {@code null} when it does not say (and on every other
 *                     version)
 * @param fingerprint  what was sent, as stored: an identical resend of a stored version is a replay
 * @param legacyFingerprint the same content's fingerprint in the form versions stored before the current one carry,
 *                     worked out only when a stored version's fingerprint is compared with it ({@link #sameContentAs}):
 *                     most versions are new and never compared; {@code null} when there is none; never stored
 */
public record NewRecord(UUID subjectId, String itemCode, int itemVersion, String departmentCode, String sourceRecordId,
                        int version, RecordAction action, String decisionNumber, LocalDate decisionDate,
                        Map<String, String> content, LocalDate publicationEnd, LocalDate retentionEnd,
                        String fingerprint, java.util.function.Supplier<String> legacyFingerprint, UUID linkedFrom,
                        String revocationReason) {

    public NewRecord {
        content = Map.copyOf(content);
    }

    /**
     * This version sends what a version stored with the fingerprint {@code stored} holds: compared in either form, as
     * the two forms never equal each other (the current one is marked as such), a stored one is compared in its own.
     */
    public boolean sameContentAs(String stored) {
        return stored.equals(fingerprint) || legacyFingerprint != null && stored.equals(legacyFingerprint.get());
    }

    /** This version under another id of the department's (a copy's, as stored: {@link CreditFile#store}). */
    NewRecord underSourceRecordId(String id) {
        return new NewRecord(subjectId, itemCode, itemVersion, departmentCode, id, version, action, decisionNumber,
                decisionDate, content, publicationEnd, retentionEnd, fingerprint, legacyFingerprint, linkedFrom,
                revocationReason);
    }

    /** This version on another subject's file: the one kept by a join approved since its subject was resolved. */
    public NewRecord underSubject(UUID subject) {
        return new NewRecord(subject, itemCode, itemVersion, departmentCode, sourceRecordId, version, action,
                decisionNumber, decisionDate, content, publicationEnd, retentionEnd, fingerprint, legacyFingerprint,
                linkedFrom, revocationReason);
    }

    /** This version with other last days of publication and retention. */
    NewRecord withEnds(LocalDate publication, LocalDate retention) {
        return new NewRecord(subjectId, itemCode, itemVersion, departmentCode, sourceRecordId, version, action,
                decisionNumber, decisionDate, content, publication, retention, fingerprint, legacyFingerprint,
                linkedFrom, revocationReason);
    }

    /**
     * The {@code linkedFrom} of the responsible persons' copies of the department's record {@code sourceRecordId}
     * (RULES.md §1): the same for every version of the record, so that the copies of each version name it, and the
     * decisions about it find them ({@link CreditFile#changeStatusOfCopies}). Of the id as stored, without the spaces
     * a department may send around it: the decisions name the record by its stored id.
     */
    public static UUID linkKey(String departmentCode, String sourceRecordId) {
        return UUID.nameUUIDFromBytes((departmentCode + "\n" + sourceRecordId.strip())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
