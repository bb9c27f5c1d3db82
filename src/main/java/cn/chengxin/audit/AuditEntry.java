package cn.chengxin.audit;

import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Actor;

/**
 * One event to record. The subject is a pseudonym (the blind index of the number, from the subject
 * registry), never a clear number; {@code actor} is taken from the signed-in principal when not given.
 *
 * @param action     stable action code, {@code module.verb} (e.g. {@code subject.view}, {@code account.login})
 * @param detail     short free text; stored as given, but with anything shaped like an identity number masked (staff
 *                   type reasons and notes into it: RULES.md §10, no clear number in any log), shown encoded, never
 *                   interpreted; purpose and legal basis, which callers may take from a form, are masked alike, and so
 *                   are the actor's id, name and organisation when the event is stored
 */
public record AuditEntry(AuditCategory category, String action, Actor actor, String subjectPseudonym,
                         String purpose, String legalBasis, String consentId, AuditResult result, String detail) {

    public AuditEntry {
        purpose = IdentityRedaction.redact(purpose);
        legalBasis = IdentityRedaction.redact(legalBasis);
        detail = IdentityRedaction.redact(detail);
    }

    public static AuditEntry of(AuditCategory category, String action) {
        return new AuditEntry(category, action, null, null, null, null, null, AuditResult.SUCCESS, null);
    }

    public AuditEntry by(Actor who) {
        return new AuditEntry(category, action, who, subjectPseudonym, purpose, legalBasis, consentId, result, detail);
    }

    public AuditEntry subject(String pseudonym) {
        return new AuditEntry(category, action, actor, pseudonym, purpose, legalBasis, consentId, result, detail);
    }

    public AuditEntry purpose(String why, String basis) {
        return new AuditEntry(category, action, actor, subjectPseudonym, why, basis, consentId, result, detail);
    }

    public AuditEntry consent(String id) {
        return new AuditEntry(category, action, actor, subjectPseudonym, purpose, legalBasis, id, result, detail);
    }

    public AuditEntry result(AuditResult outcome) {
        return new AuditEntry(category, action, actor, subjectPseudonym, purpose, legalBasis, consentId, outcome,
                detail);
    }

    public AuditEntry detail(String text) {
        return new AuditEntry(category, action, actor, subjectPseudonym, purpose, legalBasis, consentId, result, text);
    }

    /** The detail as a reason code and values, which the auditor's log names in the reader's language (K7). */
    public AuditEntry detail(AuditDetail structured) {
        return detail(structured.toString());
    }
}
