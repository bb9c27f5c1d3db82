package cn.chengxin.subject;

import java.util.HexFormat;
import java.util.UUID;

import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
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

    /** The subject's pseudonym, under which each step is recorded. */
    String pseudonym(UUID subjectId) {
        return subjects.numberIndex(subjectId).map(HexFormat.of()::formatHex).orElseThrow();
    }

    void record(AuditEntry entry) {
        audit.record(entry);
    }
}
