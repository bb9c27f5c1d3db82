package cn.chengxin.inquiry;

import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.InquiryProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.SubjectNames;

/**
 * The person a clerk serves at the window (窗口办理), found by the number typed and the name on the document the clerk
 * checked, or, when the register does not know the number, registered with no records under that name (gaps review
 * xxix K3; RULES.md §9: self-query with real-name verification, here in person). A person with a clean record can
 * then take a report and consent to an institution's query like anyone else.
 *
 * Gaps review xxxi M2: the number alone no longer finds a person. The name on the document is compared with the
 * registry's as registration compares it ({@link SubjectNames#same}), so that a clerk given a number cannot act for
 * its holder without the holder's document in hand. A name only a relayed message gave (provisional) is no test.
 */
final class CounterPersons {

    private CounterPersons() {
    }

    static UUID findOrRegister(SubjectRegistry subjects, AuditLog audit, Actor clerk, IdentityDocument document,
                               String personName, CounterIdentityCheck check) {
        String name = CounterIdentityCheck.nameOnDocument(personName);
        return subjects.find(document).map(found -> {
            SubjectProfile profile = subjects.profile(found).orElseThrow();
            if (!profile.nameProvisional() && !SubjectNames.same(profile.name(), name)) {
                audit.record(AuditEntry.of(AuditCategory.SECURITY, "counter.identity.refuse").by(clerk)
                        .subject(subjects.pseudonymOf(found).orElseThrow()).result(AuditResult.DENIED)
                        .detail(AuditDetail.of("NAME_MISMATCH").with("check", check.describe())));
                throw new InquiryProblem("COUNTER_NAME_MISMATCH", DomainProblem.Kind.INVALID_INPUT,
                        "证件上的姓名与信用主体库中该证件号码登记的姓名不一致：请核对本人证件，不能代为办理");
            }
            return found;
        }).orElseGet(() -> {
            if (document.subjectKind() != SubjectKind.PERSON) {
                throw new InquiryProblem("SUBJECT_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "平台没有该主体的信用档案");
            }
            return subjects.registerVerifiedPerson(document, name,
                    AuditDetail.of("VERIFIED_AT_COUNTER").with("check", check.describe()));
        });
    }

    /**
     * The subject the person found at the window is now: the one a join approved since they were found kept (engineer
     * 4's finding, session xliv), else the same. The person is found, their report assembled or consent built, before
     * the writing transaction; a join committing in between has moved what the joined id held already
     * ({@link JoinedInquiries}), and a row written under it after would be lost to the person's one file (98号 三(一);
     * RULES.md §1). To be called first in the writing transaction: joins are held off until it ends.
     */
    static UUID heldThroughJoins(SubjectRegistry subjects, UUID found) {
        return subjects.keptSubjectHoldingJoins(found);
    }
}
