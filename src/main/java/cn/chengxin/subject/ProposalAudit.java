package cn.chengxin.subject;

import java.util.HexFormat;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.persistence.JdbcSubjects;
import org.springframework.stereotype.Component;

/**
 * Records each step of a reviewed correction of the registry ({@link cn.chengxin.subject.domain.Review}) about its
 * subject, under the subject's pseudonym (RULES.md §10: every operation traceable, no number in the audit log).
 */
@Component
class ProposalAudit {

    private final JdbcSubjects subjects;
    private final AuditLog audit;

    ProposalAudit(JdbcSubjects subjects, AuditLog audit) {
        this.subjects = subjects;
        this.audit = audit;
    }

    void record(String action, UUID subjectId, String detail) {
        audit.record(entry(action, subjectId, detail));
    }

    /** A step taken for an actor other than the current one (a department's delivery, stored off its request). */
    void record(String action, UUID subjectId, String detail, Actor by) {
        audit.record(entry(action, subjectId, detail).by(by));
    }

    private AuditEntry entry(String action, UUID subjectId, String detail) {
        return AuditEntry.of(AuditCategory.PROCESSING, action)
                .subject(subjects.numberIndex(subjectId).map(HexFormat.of()::formatHex).orElseThrow()).detail(detail);
    }
}
