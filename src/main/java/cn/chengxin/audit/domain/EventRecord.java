package cn.chengxin.audit.domain;

import java.time.Instant;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditResult;

/** An audit event as stored; {@code seq} is -1 until the writer places it in the tree. */
public record EventRecord(long seq, Instant at, AuditCategory category, String actorKind, String actorId,
                          String actorName, String organisation, String action, String subjectPseudonym,
                          String purpose, String legalBasis, String consentId, AuditResult result, String requestId,
                          String detail) {

    public EventRecord withSeq(long newSeq) {
        return new EventRecord(newSeq, at, category, actorKind, actorId, actorName, organisation, action,
                subjectPseudonym, purpose, legalBasis, consentId, result, requestId, detail);
    }
}
