package cn.chengxin.inquiry;

import cn.chengxin.audit.AuditDetail;
import java.util.UUID;

import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.InquiryProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * The person a clerk serves at the window (窗口办理), found by the number typed or, when the register does not know it,
 * registered with no records under the name on the document the clerk checked (gaps review xxix K3; RULES.md §9:
 * self-query with real-name verification, here in person). A person with a clean record can then take a report and
 * consent to an institution's query like anyone else.
 */
final class CounterPersons {

    private CounterPersons() {
    }

    static UUID findOrRegister(SubjectRegistry subjects, IdentityDocument document, String personName,
                               CounterIdentityCheck check) {
        return subjects.find(document).orElseGet(() -> {
            if (document.subjectKind() != SubjectKind.PERSON) {
                throw new InquiryProblem("SUBJECT_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "平台没有该主体的信用档案");
            }
            return subjects.registerVerifiedPerson(document, CounterIdentityCheck.nameToRegister(personName),
                    AuditDetail.of("VERIFIED_AT_COUNTER").with("check", check.describe()));
        });
    }
}
