package cn.chengxin.inquiry;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.inquiry.domain.InquiryProblem;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.shared.privacy.IdentityRedaction;
import org.springframework.stereotype.Service;

/**
 * 本人声明 (RULES.md §9: reports carry the subject's own statements): a person adds a short statement about their
 * file or one record of it; every later report prints it as written. A statement is text, never markup.
 */
@Service
public class Statements {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_ACTIVE = 20;

    private final JdbcInquiry store;
    private final CreditFile creditFile;
    private final SubjectRegistry subjects;
    private final AuditLog audit;
    private final Clock clock;

    Statements(JdbcInquiry store, CreditFile creditFile, SubjectRegistry subjects, AuditLog audit, Clock clock) {
        this.store = store;
        this.creditFile = creditFile;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param recordKey the record the statement is about, or null for the file as a whole */
    public UUID add(UUID subjectId, UUID recordKey, String text) {
        // Printed on reports for third parties: an identity number written into it is kept masked (RULES.md §10).
        String clean = text == null ? "" : IdentityRedaction.redact(text.strip());
        if (clean.isEmpty() || clean.length() > MAX_LENGTH) {
            throw new InquiryProblem("STATEMENT_LENGTH", DomainProblem.Kind.INVALID_INPUT,
                    "声明须为 1 至 " + MAX_LENGTH + " 字");
        }
        if (recordKey != null && creditFile.record(subjectId, recordKey).isEmpty()) {
            throw new InquiryProblem("STATEMENT_RECORD_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "您的信用档案中没有这条记录");
        }
        if (store.activeStatements(subjectId) >= MAX_ACTIVE) {
            throw new InquiryProblem("STATEMENT_LIMIT", DomainProblem.Kind.CONFLICT,
                    "声明最多保留 " + MAX_ACTIVE + " 条，请先撤回不再需要的声明");
        }
        UUID id = Ids.newId();
        store.insertStatement(new JdbcInquiry.Statement(id, subjectId, recordKey, clean, clock.instant()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "statement.add")
                .subject(subjects.pseudonymOf(subjectId).orElseThrow()));
        return id;
    }

    public void withdraw(UUID subjectId, UUID statementId) {
        if (!store.withdrawStatement(statementId, subjectId, clock.instant())) {
            throw new InquiryProblem("STATEMENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "没有这条声明");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "statement.withdraw")
                .subject(subjects.pseudonymOf(subjectId).orElseThrow()));
    }

    public List<JdbcInquiry.Statement> of(UUID subjectId) {
        return store.statementsOf(subjectId);
    }
}
