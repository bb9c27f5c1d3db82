package cn.chengxin.inquiry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.account.ElectronicServiceAgreement;
import cn.chengxin.account.ElectronicServiceAgreements;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.InquiryProblem;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.SubjectKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 电子送达确认书 at the window (gaps review xl U13 rest; 《行政处罚法》第六十一条 "当事人同意并签订确认书的"): a person who
 * signs the confirmation on paper at the window — or their guardian, as for any act there — has it recorded by the
 * clerk, and may withdraw their agreement there too, however it was given. The person is identified as the window
 * identifies them for a report or a consent ({@link CounterPersons}: the number typed, the name on the document, the
 * document seen; a guardian with the proof for a child), and the check is written into the audit event the agreement
 * itself records ({@link ElectronicServiceAgreements#recordPaper}, {@link ElectronicServiceAgreements#withdrawAtCounter}).
 * Only persons: an organisation has no 个人中心 to read its notices in. Each is a counter service of the clerk's, kept
 * with its check and the agreement it concerns and listed in 我在窗口办理的事项 (gaps review xl U13 rest), in the
 * transaction of the agreement itself.
 */
@Service
public class CounterElectronicService {

    private final SubjectRegistry subjects;
    private final ElectronicServiceAgreements agreements;
    private final Consents consents;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcInquiry store;

    CounterElectronicService(SubjectRegistry subjects, ElectronicServiceAgreements agreements, Consents consents,
                             AuditLog audit, Clock clock, JdbcInquiry store) {
        this.store = store;
        this.subjects = subjects;
        this.agreements = agreements;
        this.consents = consents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the paper the person signed: its particulars are checked first, so that a refused paper registers
     * nobody; then the person is found (or, unknown to the register, registered with no records, as at the window for a
     * report) under the name on the document checked.
     */
    @Transactional
    public ElectronicServiceAgreement record(Actor clerk, String number, String documentType, String personName,
                                             CounterIdentityCheck check, ElectronicServiceAgreements.Paper paper) {
        agreements.requireComplete(paper);
        IdentityDocument document = subjects.validate(DocumentType.named(documentType), number);
        if (document.subjectKind() != SubjectKind.PERSON) {
            throw new InquiryProblem("ESERVICE_PERSONS_ONLY", DomainProblem.Kind.INVALID_INPUT,
                    "电子送达确认书由自然人本人（或其监护人）签署：单位的告知书请以邮寄、直接送达等方式送达");
        }
        // Joins held off until the paper and the visit are stored, under the subject the person is now: a join
        // approved since they were found moved the joined subject's agreements already; one approving later waits,
        // then moves these with the rest (98号 三(一); RULES.md §1).
        UUID subjectId = CounterPersons.heldThroughJoins(subjects,
                CounterPersons.findOrRegister(subjects, audit, clerk, document, personName, check));
        requireGuardianFor(subjectId, check);
        ElectronicServiceAgreement agreement = agreements.recordPaper(clerk, subjectId, paper,
                Consents.checkedAtWindow(AuditDetail.of(check.byGuardian() ? "ESERVICE_AGREED_AT_COUNTER_GUARDIAN"
                        : "ESERVICE_AGREED_AT_COUNTER"), check));
        store.insertCounterVisit(Reports.counterVisit(subjectId, "ESERVICE", null, null, check, clerk,
                clock.instant()).about(agreement.id()));
        return agreement;
    }

    /** Withdraws the agreement in force of the person identified at the window (as for 撤回查询授权). */
    @Transactional
    public void withdraw(Actor clerk, String number, String documentType, CounterIdentityCheck check) {
        Consents.CheckedAtCounter checked = consents.checkedAtCounter(number, documentType, check);
        // As for an agreement recorded: the subject the person is now, joins held off until the visit is stored.
        UUID subjectId = CounterPersons.heldThroughJoins(subjects, checked.subjectId());
        // The agreement in force now is the one withdrawn (none: refused below, nothing kept).
        UUID withdrawn = agreements.inForce(subjectId).map(ElectronicServiceAgreement::id).orElse(null);
        agreements.withdrawAtCounter(clerk, subjectId, Consents.checkedAtWindow(AuditDetail.of(
                check.byGuardian() ? "ESERVICE_WITHDRAWN_AT_COUNTER_GUARDIAN" : "ESERVICE_WITHDRAWN_AT_COUNTER"), check));
        store.insertCounterVisit(Reports.counterVisit(subjectId, "ESERVICE_WITHDRAWAL", null, null, check,
                clerk, clock.instant()).about(withdrawn));
    }

    /** A child under 14 acts only through a guardian with the proof (RULES.md §6), as for a consent. */
    private void requireGuardianFor(UUID subjectId, CounterIdentityCheck check) {
        check.requireGuardianFor(subjects.profile(subjectId).map(SubjectProfile::birthDate).orElse(null),
                LocalDate.now(clock));
    }
}
