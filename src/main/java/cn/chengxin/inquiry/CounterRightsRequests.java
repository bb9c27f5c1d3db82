package cn.chengxin.inquiry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.account.RightsRequests;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.InquiryProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 个人信息权利请求 at the window (gaps review xlvi AA4 rest; PIPL Art. 50: a convenient way to make a request, for a
 * person who cannot sign in too): the clerk records the person's request, the person identified as the window identifies
 * them for a report or a consent ({@link CounterPersons}: the number typed, the name on the document compared with the
 * registry's, the document seen; a guardian with the proof for a child). The request is then the account module's, as
 * one made online ({@link RightsRequests#recordAtCounter}), and the check is written into its audit event. Only a person
 * the register knows: the platform holds nothing about anyone else to ask about, and no one is registered for asking.
 */
@Service
public class CounterRightsRequests {

    private final SubjectRegistry subjects;
    private final RightsRequests requests;
    private final AuditLog audit;
    private final Clock clock;

    CounterRightsRequests(SubjectRegistry subjects, RightsRequests requests, AuditLog audit, Clock clock) {
        this.subjects = subjects;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RightsRequests.Made record(Actor clerk, String number, String documentType, String personName,
                                      CounterIdentityCheck check, String kind, String body) {
        IdentityDocument document = subjects.validate(DocumentType.named(documentType), number);
        if (subjects.find(document).isEmpty()) {
            throw new InquiryProblem("SUBJECT_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                    "信用主体库中没有该主体：平台未处理其个人信息，无需提出请求");
        }
        // Joins held off until the request is stored, under the subject the person is now (as for a consent).
        UUID subjectId = CounterPersons.heldThroughJoins(subjects,
                CounterPersons.findOrRegister(subjects, audit, clerk, document, personName, check));
        check.requireGuardianFor(subjects.profile(subjectId).map(SubjectProfile::birthDate).orElse(null),
                LocalDate.now(clock));
        return requests.recordAtCounter(clerk, subjectId, kind, body, Consents.checkedAtWindow(AuditDetail.of(
                check.byGuardian() ? "RIGHTS_REQUEST_MADE_AT_COUNTER_GUARDIAN" : "RIGHTS_REQUEST_MADE_AT_COUNTER"),
                check));
    }
}
