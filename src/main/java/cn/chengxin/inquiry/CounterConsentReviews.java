package cn.chengxin.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.ConsentReview;
import cn.chengxin.inquiry.domain.InquiryProblem;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.persistence.JdbcCounterConsentReviews;
import cn.chengxin.inquiry.persistence.JdbcCounterPapers;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 窗口授权复核 (gaps review xxxi M2): a consent recorded at the window that is of multiple use or lasts more than 30
 * days ({@link ConsentReview#requiredAtCounter}) waits, unusable by the institution ({@code CONSENT_PENDING_REVIEW}),
 * until a second 信用办 staff member decides it on the console's queue: never the clerk who recorded it
 * ({@code COUNTER_CONSENT_SELF_REVIEW}). The reviewer sees the papers scanned at the window ({@link CounterPapers}),
 * approves it, when it takes effect and the person is told as a grant at the window is told, or rejects it with a
 * reason, which the person is told too. A consent is decided once: two decisions at once end with one
 * ({@code COUNTER_CONSENT_DECIDED}). Each decision, and each refusal of one's own, is audited about the person
 * (RULES.md §9, §10).
 */
@Service
public class CounterConsentReviews {

    private static final int QUEUE = 100;

    private final JdbcCounterConsentReviews reviews;
    private final JdbcCounterPapers papers;
    private final CounterVisits counterVisits;
    private final SubjectRegistry subjects;
    private final PersonalDataProtection protection;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CounterConsentReviews(JdbcCounterConsentReviews reviews, JdbcCounterPapers papers, CounterVisits counterVisits,
                          SubjectRegistry subjects, PersonalDataProtection protection, AuditLog audit,
                          TransactionTemplate transactions, Clock clock) {
        this.reviews = reviews;
        this.papers = papers;
        this.counterVisits = counterVisits;
        this.subjects = subjects;
        this.protection = protection;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A consent waiting on the queue: the person masked, what the consent allows, who recorded it, and the papers
     * scanned with it.
     *
     * @param own recorded by the reader, who may not decide it
     */
    public record Waiting(UUID consentId, String maskedName, String maskedNumber, String organisation,
                          String institution, Purpose purpose, boolean singleUse, long days, Instant recordedAt,
                          Instant expiresAt, String clerkName, boolean own, List<JdbcCounterPapers.Listed> papers) {
    }

    /** The consents waiting for a second clerk, oldest first. Listing them reads no one's file. */
    public List<Waiting> waiting(Actor reader) {
        List<JdbcCounterConsentReviews.Review> all = reviews.waiting(clock.instant(), QUEUE);
        Map<UUID, List<JdbcCounterPapers.Listed>> listed = papers.ofVisits(all.stream()
                .map(JdbcCounterConsentReviews.Review::visitId).filter(java.util.Objects::nonNull).toList());
        return all.stream().map(r -> {
            Optional<SubjectProfile> person = subjects.profile(r.subjectId());
            return new Waiting(r.id(), person.map(SubjectProfile::maskedName).orElse("*"),
                    person.map(SubjectProfile::maskedNumber).orElse("*"), r.organisation(), r.institution(),
                    r.purpose(), r.singleUse(), r.days(), r.recordedAt(), r.expiresAt(), r.clerkName(),
                    r.clerkId().equals(reader.actorId()),
                    r.visitId() == null ? List.of() : listed.getOrDefault(r.visitId(), List.of()));
        }).toList();
    }

    /**
     * Keeps a consent recorded at the window waiting for a second clerk, in the caller's transaction, with the phone
     * typed at the window sealed for the text of the decision (blank: the account's phone is texted).
     */
    void awaitReview(Consent consent, Actor clerk, String typedPhone) {
        PersonalDataProtection.Sealed sealed = typedPhone == null || typedPhone.isBlank() ? null
                : protection.seal(typedPhone, JdbcCounterConsentReviews.PHONE_SEALED_FOR + consent.id());
        reviews.insert(consent.id(), consent.subjectId(), clerk.actorId(), clerk.actorName(), consent.grantedAt(),
                sealed == null ? null : sealed.cipher(), sealed == null ? null : sealed.keyVersion());
    }

    /** The second clerk approves: the consent takes effect now, and the person is told as of a grant at the window. */
    public void approve(Actor reviewer, UUID consentId) {
        transactions.executeWithoutResult(tx -> {
            JdbcCounterConsentReviews.Review r = decidable(reviewer, consentId, "consent.counter.approve");
            decide(r, ConsentReview.APPROVED, reviewer, null);
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "consent.counter.approve").by(reviewer)
                    .subject(pseudonym(r.subjectId())).consent(consentId.toString())
                    .detail(AuditDetail.of("COUNTER_CONSENT_APPROVED").with("institution", r.organisation())
                            .withLabel("purpose", "me.consent.purpose." + r.purpose().name())
                            .with("days", r.days()).with("clerk", r.clerkName())));
            tell(r, "CONSENT_GRANTED_AT_COUNTER", Consents.grantedAtCounterTitle(r.organisation(), r.recordedAt()),
                    Consents.grantedAtCounterBody(r.organisation(), r.days(), r.singleUse(), r.purpose(),
                            r.clerkName()) + "复核人员：" + reviewer.actorName() + "。");
        });
    }

    /** The second clerk rejects, with the reason the person is told: the consent never takes effect. */
    public void reject(Actor reviewer, UUID consentId, String reason) {
        String why = ConsentReview.reasonOf(reason);
        // Texted and shown to the person, and kept: no identity number in it (RULES.md §10).
        TypedText.requireNoIdentityNumber("reason", "不予通过的理由", why);
        transactions.executeWithoutResult(tx -> {
            JdbcCounterConsentReviews.Review r = decidable(reviewer, consentId, "consent.counter.reject");
            decide(r, ConsentReview.REJECTED, reviewer, why);
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "consent.counter.reject").by(reviewer)
                    .subject(pseudonym(r.subjectId())).consent(consentId.toString())
                    .detail(AuditDetail.of("COUNTER_CONSENT_REJECTED").with("institution", r.organisation())
                            .with("clerk", r.clerkName()).with("reason", why)));
            tell(r, "CONSENT_REJECTED_AT_COUNTER", "您于" + CounterVisits.day(r.recordedAt()) + "在信用办窗口办理的授权"
                            + r.organisation() + "查询信用报告未通过复核，该授权不生效",
                    "不予通过的理由：" + why + "。如有疑问，请携带本人身份证件到信用办窗口咨询。");
        });
    }

    private JdbcCounterConsentReviews.Review decidable(Actor reviewer, UUID consentId, String action) {
        JdbcCounterConsentReviews.Review r = reviews.lock(consentId).orElseThrow(() -> new InquiryProblem(
                "COUNTER_CONSENT_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "没有这项待复核的窗口授权"));
        if (!r.waiting(clock.instant())) {
            throw decided();
        }
        try {
            ConsentReview.requireSecondClerk(r.clerkId(), reviewer.actorId());
        } catch (InquiryProblem own) {
            // Kept although the refusal undoes the caller's transaction: recorded beside it (AuditLog).
            audit.record(AuditEntry.of(AuditCategory.SECURITY, action).by(reviewer).subject(pseudonym(r.subjectId()))
                    .consent(consentId.toString()).result(AuditResult.DENIED)
                    .detail(AuditDetail.of("OWN_COUNTER_CONSENT")));
            throw own;
        }
        return r;
    }

    private void decide(JdbcCounterConsentReviews.Review r, ConsentReview decision, Actor reviewer, String reason) {
        if (!reviews.decide(r.id(), decision, reviewer.actorId(), reviewer.actorName(), clock.instant(), reason)) {
            throw decided();
        }
    }

    /** One notice, texted to the account's phone or else to the phone typed at the window, after the commit. */
    private void tell(JdbcCounterConsentReviews.Review r, String kind, String title, String body) {
        String phone = r.phoneCipher() == null ? "" : protection.open(r.phoneCipher(), r.phoneKeyVersion(),
                JdbcCounterConsentReviews.PHONE_SEALED_FOR + r.id());
        counterVisits.tell(r.subjectId(), kind, title, body, "/me/consents", phone);
        reviews.forgetPhone(r.id());
    }

    private static InquiryProblem decided() {
        return new InquiryProblem("COUNTER_CONSENT_DECIDED", DomainProblem.Kind.CONFLICT,
                "该授权已由他人复核，或已撤回、已过期");
    }

    private String pseudonym(UUID subjectId) {
        return subjects.pseudonymOf(subjectId).orElseThrow();
    }
}
