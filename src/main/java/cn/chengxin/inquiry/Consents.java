package cn.chengxin.inquiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.ApiInstitution;
import cn.chengxin.account.InstitutionViolations;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.domain.AuthorisationCode;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.ConsentReview;
import cn.chengxin.inquiry.domain.ConsentRule;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.InquiryProblem;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.GuardianConsent;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.Masking;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 授权管理: a person grants an institution consent to query their credit report for one purpose, sees and withdraws
 * their consents, and can hand over an authorisation code instead. Granting and withdrawing are recorded in the
 * audit log under the person, so they show beside the queries the consents allowed.
 */
@Service
@EnableConfigurationProperties(InquirySettings.class)
public class Consents {

    private static final String CODE_KEY = "authorisation-code";
    /** Who withdrew a consent at the window ({@code withdrawn_by}), and the counter service that records it. */
    private static final String COUNTER = "counter";
    private static final String COUNTER_WITHDRAWAL = "CONSENT_WITHDRAWAL";

    private final JdbcInquiry store;
    private final ApiClients clients;
    private final InstitutionViolations violations;
    private final SubjectRegistry subjects;
    private final AuditLog audit;
    private final InquirySettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final CounterVisits counterVisits;
    private final CounterConsentReviews reviews;
    private volatile AuthorisationCode codes;

    Consents(JdbcInquiry store, ApiClients clients, InstitutionViolations violations, SubjectRegistry subjects,
             AuditLog audit, InquirySettings settings, Clock clock, TransactionTemplate transactions,
             CounterVisits counterVisits, CounterConsentReviews reviews) {
        this.reviews = reviews;
        this.transactions = transactions;
        this.violations = violations;
        this.counterVisits = counterVisits;
        this.store = store;
        this.clients = clients;
        this.subjects = subjects;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The institutions a person can authorise: each institution once, however many keys it holds, and only while a key
     * of it may ask for reports now (not revoked, not expired): a consent to an institution no key can use is of no
     * use to anyone (gaps review xxix K2; RULES.md §9) — and not while the violation register (违规机构名单) bans it:
     * it broke the rules on people's reports, so nobody is led to hand it theirs (gaps review xxx L4).
     */
    public List<ApiInstitution> institutions() {
        return queryingInstitutions().filter(i -> !violations.bans(i)).toList();
    }

    private java.util.stream.Stream<ApiInstitution> queryingInstitutions() {
        return clients.liveInstitutions(Permission.API_REPORT_QUERY).stream()
                .filter(i -> i.kind() == ApiClient.Kind.INSTITUTION);
    }

    public int defaultDays() {
        return settings.consentDays();
    }

    /** Grants a consent to one of the {@link #institutions()}; {@code days} null: the default validity. */
    public Consent grant(UUID subjectId, UUID institutionId, Purpose purpose, Integer days, boolean singleUse) {
        // RULES.md §6: a child under 14 cannot let an institution pull their report alone; the guardian goes to the
        // window. An unknown birth date is let through (see GuardianConsent).
        LocalDate birthDate = subjects.profile(subjectId).map(SubjectProfile::birthDate).orElse(null);
        if (GuardianConsent.required(birthDate, LocalDate.now(clock))) {
            throw new InquiryProblem("CONSENT_MINOR", DomainProblem.Kind.FORBIDDEN,
                    "未满十四周岁的未成年人不能自行授权查询，请由监护人到信用管理部门窗口办理");
        }
        Consent consent = newConsent(subjectId, institutionId, purpose, days, singleUse);
        store.insertConsent(consent, "self-service");
        audit.record(granted(consent, days, AuditDetail.of("CONSENT_GRANTED"), null, false));
        return consent;
    }

    /**
     * 窗口办理 (gaps review xxiii F11; RULES.md §6, PIPL Art. 31): a consent recorded at the credit office's window by
     * the clerk who checked the identity of the person, or of a child's guardian with the proof of guardianship; a
     * child under 14 consents only through the guardian. The check is kept with the consent and named in the audit
     * event, which the clerk makes for the person ({@code granted_via} counter).
     *
     * A person the register does not know is registered with no records under the name on the document checked
     * ({@link CounterPersons}, gaps review xxix K3), so that an institution can query their clean record.
     *
     * Gaps review xxxi M2: the name on the document must be the registry's ({@link CounterPersons}), the signed
     * authorisation (and a guardian's proof) is scanned and kept with the visit, and the person is told at once, by a
     * notice texted to the account's phone or else to the phone typed at the window ({@link CounterVisits}), which
     * the person proved by reading out the code texted to it.
     *
     * Gaps review xxxi M2 (rest): a consent of multiple use or of more than 30 days waits, unusable, for a second
     * clerk ({@link CounterConsentReviews}); the person is told when it takes effect, or that it was rejected.
     */
    public Consent grantAtCounter(Actor clerk, CounterRequest request, UUID institutionId, Purpose purpose,
                                  Integer days, boolean singleUse) {
        CounterIdentityCheck check = request.check();
        IdentityDocument document = subjects.validate(DocumentType.named(request.documentType()), request.number());
        List<String> types = counterVisits.requireComplete(request, subjects.find(document));
        UUID subjectId = CounterPersons.findOrRegister(subjects, audit, clerk, document, request.personName(), check);
        requireCheckFor(subjectId, check);
        int validity = days == null ? settings.consentDays() : days;
        boolean secondClerk = ConsentReview.requiredAtCounter(singleUse, validity);
        return transactions.execute(tx -> {
            // Under the subject the person is now, should a join have been approved since they were found.
            UUID holder = CounterPersons.heldThroughJoins(subjects, subjectId);
            Consent recorded = newConsent(holder, institutionId, purpose, days, singleUse);
            Consent consent = secondClerk ? recorded.awaitingReview() : recorded;
            store.insertConsent(consent, "counter");
            counterVisits.keep(Reports.counterVisit(holder, "CONSENT", null, consent.id(), check, clerk,
                    consent.grantedAt()), request, types);
            audit.record(granted(consent, days, AuditDetail.of(check.byGuardian() ? "CONSENT_GRANTED_COUNTER_GUARDIAN"
                    : "CONSENT_GRANTED_COUNTER"), check, secondClerk).by(clerk));
            if (secondClerk) {
                reviews.awaitReview(consent, clerk, counterVisits.phoneToText(holder, request));
            } else {
                counterVisits.tell(holder, "CONSENT_GRANTED_AT_COUNTER",
                        grantedAtCounterTitle(consent.organisation(), consent.grantedAt()),
                        grantedAtCounterBody(consent.organisation(), validity, singleUse, purpose, clerk.actorName()),
                        "/me/consents", request);
            }
            return consent;
        });
    }

    /** The title of the notice (and text) of a consent at the window taking effect. */
    static String grantedAtCounterTitle(String organisation, Instant recordedAt) {
        return "您于" + CounterVisits.day(recordedAt) + "在信用办窗口授权" + organisation
                + "查询您的信用报告，如非本人办理请到窗口撤回授权并反映";
    }

    static String grantedAtCounterBody(String organisation, long days, boolean singleUse, Purpose purpose,
                                       String clerkName) {
        return organisation + "可在" + days + "天内" + (singleUse ? "查询一次" : "多次查询") + "您的信用报告（用途："
                + purpose.label() + "）。办理人员：" + clerkName + "。";
    }

    /** A person found at the counter by the number typed, after the identity check: the number kept masked only. */
    public record CheckedAtCounter(UUID subjectId, String maskedNumber) {
    }

    /**
     * The person the clerk serves at the window, found by the number typed, with the identity check that lets the
     * clerk act for them: a child under 14 only through the guardian (RULES.md §6, PIPL Art. 31).
     *
     * @param documentType the type of a passport or travel-permit holder's number; blank: inferred
     */
    public CheckedAtCounter checkedAtCounter(String subjectNumber, String documentType, CounterIdentityCheck check) {
        IdentityDocument document = subjects.validate(DocumentType.named(documentType), subjectNumber);
        UUID subjectId = subjects.find(document).orElseThrow(() -> new InquiryProblem("SUBJECT_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "平台没有该主体的信用档案"));
        requireCheckFor(subjectId, check);
        return new CheckedAtCounter(subjectId, document.masked());
    }

    private void requireCheckFor(UUID subjectId, CounterIdentityCheck check) {
        LocalDate birthDate = subjects.profile(subjectId).map(SubjectProfile::birthDate).orElse(null);
        check.requireGuardianFor(birthDate, LocalDate.now(clock));
    }

    /**
     * The first step of 撤回查询授权 at the window (gaps review xxix K1): the person found and checked as for a grant
     * ({@link #checkedAtCounter}); that the clerk was shown the person's consents is audited about the person.
     */
    public CheckedAtCounter checkedForWithdrawal(Actor clerk, String subjectNumber, String documentType,
                                                 CounterIdentityCheck check) {
        CheckedAtCounter checked = checkedAtCounter(subjectNumber, documentType, check);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "consent.list.counter").by(clerk)
                .subject(pseudonym(checked.subjectId())).detail(checkedAtWindow(AuditDetail.of(check.byGuardian()
                        ? "CONSENT_COUNTER_LISTED_GUARDIAN" : "CONSENT_COUNTER_LISTED"), check)));
        return checked;
    }

    /**
     * The person's consents that an institution can still use now, or will once a second clerk approves them (gaps
     * review xxxi M2): all withdrawable. Latest granted first.
     */
    public List<Consent> inForce(UUID subjectId) {
        Instant now = clock.instant();
        return store.consentsOf(subjectId).stream().filter(c -> c.live(now)).toList();
    }

    /**
     * 撤回查询授权 at the window (gaps review xxix K1; RULES.md §9: consent can be withdrawn, PIPL Art. 15 — as
     * conveniently as it was given): the clerk withdraws a consent of the person whose identity, or whose guardian's
     * with the proof of guardianship (RULES.md §6), the clerk checked. The withdrawal is audited about the person as
     * made at the counter by the named clerk, with the check, and listed among the clerk's counter services.
     */
    public void withdrawAtCounter(Actor clerk, UUID subjectId, UUID consentId, CounterIdentityCheck check) {
        requireCheckFor(subjectId, check);
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            withdrawOwn(subjectId, consentId, now, COUNTER);
            store.insertCounterVisit(Reports.counterVisit(subjectId, COUNTER_WITHDRAWAL, null, consentId, check,
                    clerk, now));
            Optional<Consent> withdrawn = store.consent(consentId);
            AuditDetail detail = checkedAtWindow(AuditDetail.of(check.byGuardian()
                    ? "CONSENT_COUNTER_WITHDRAWN_GUARDIAN" : "CONSENT_COUNTER_WITHDRAWN"), check)
                    .with("organisation", withdrawn.map(Consent::organisation).orElse("—"));
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "consent.withdraw.counter").by(clerk)
                    .subject(pseudonym(subjectId)).consent(consentId.toString())
                    .detail(withdrawn.isEmpty() ? detail.with("purpose", "—")
                            : detail.withLabel("purpose", "me.consent.purpose." + withdrawn.get().purpose().name())));
        });
    }

    private Consent newConsent(UUID subjectId, UUID institutionId, Purpose purpose, Integer days, boolean singleUse) {
        if (purpose == null) {
            throw new InquiryProblem("CONSENT_PURPOSE_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "请选择授权用途");
        }
        int validity = days == null ? settings.consentDays() : days;
        if (validity < 1 || validity > settings.maxConsentDays()) {
            throw new InquiryProblem("CONSENT_DAYS_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "授权有效期须在 1 至 " + settings.maxConsentDays() + " 天之间");
        }
        ApiInstitution institution = queryingInstitutions().filter(i -> i.id().equals(institutionId)).findFirst()
                .orElseThrow(() -> new InquiryProblem("INSTITUTION_UNKNOWN", DomainProblem.Kind.INVALID_INPUT,
                        "请选择已登记的查询机构"));
        if (violations.bans(institution)) {
            throw new InquiryProblem("CONSENT_INSTITUTION_BANNED", DomainProblem.Kind.CONFLICT,
                    "该机构已列入违规机构名单，禁入期内不能授权其查询信用报告");
        }
        Instant now = clock.instant();
        return new Consent(Ids.newId(), subjectId, institution.id(), institution.name(),
                institution.organisation(), purpose, singleUse, now, now.plus(Duration.ofDays(validity)), null, 0,
                null);
    }

    /**
     * A grant's detail (K7): the institution, the purpose, the report it may take, the days and uses; at the window
     * ({@code check} not null) whether a second clerk must review it, and the check.
     */
    private AuditEntry granted(Consent consent, Integer days, AuditDetail code, CounterIdentityCheck check,
                               boolean secondClerk) {
        int validity = days == null ? settings.consentDays() : days;
        AuditDetail detail = code.with("organisation", consent.organisation())
                .withLabel("purpose", "me.consent.purpose." + consent.purpose().name())
                .withLabel("report", "reports.kind." + consent.reportKind().name()).with("days", validity)
                .withLabel("uses", consent.singleUse() ? "counterConsents.once" : "counterConsents.many");
        return AuditEntry.of(AuditCategory.PROCESSING, "consent.grant").subject(pseudonym(consent.subjectId()))
                .consent(consent.id().toString()).detail(check == null ? detail
                        : checkedAtWindow(detail.withLabel("review", secondClerk ? "audit.consentReview.waiting"
                                : "audit.consentReview.none"), check));
    }

    /**
     * The check at the window as a detail's values (K7), as {@link CounterIdentityCheck#describe()} words it: the
     * person's document; for a guardian acting, the guardian's name and number masked, their document and the proof.
     */
    static AuditDetail checkedAtWindow(AuditDetail detail, CounterIdentityCheck check) {
        AuditDetail seen = detail.withLabel("document", "counter.document." + check.personDocument().name());
        return !check.byGuardian() ? seen : seen.with("guardian", Masking.personName(check.guardianName()))
                .withLabel("guardianDocument", "counter.document." + check.guardianDocument().name())
                .with("guardianNumber", check.maskedGuardianNumber())
                .withLabel("proof", "counter.proof." + check.proof().name());
    }

    public void withdraw(UUID subjectId, UUID consentId) {
        withdrawOwn(subjectId, consentId, clock.instant(), "self");
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "consent.withdraw").subject(pseudonym(subjectId))
                .consent(consentId.toString()));
    }

    private void withdrawOwn(UUID subjectId, UUID consentId, Instant at, String by) {
        if (!store.withdraw(consentId, subjectId, at, by)) {
            throw new InquiryProblem("CONSENT_NOT_WITHDRAWABLE", DomainProblem.Kind.NOT_FOUND,
                    "没有可撤回的这项授权（不存在、不是本人的或已撤回）");
        }
    }

    public List<Consent> of(UUID subjectId) {
        return store.consentsOf(subjectId);
    }

    /** The authorisation code of the person's own consent. */
    public Optional<String> codeOf(UUID subjectId, UUID consentId) {
        return store.consent(consentId).filter(c -> c.subjectId().equals(subjectId)).map(this::codeOf);
    }

    /** The authorisation code of a consent already read (e.g. one of {@link #of}). */
    public String codeOf(Consent consent) {
        return codes().issue(consent.id());
    }

    /**
     * The consent that allows the institution {@code institutionId} (any of its keys) to query {@code subjectId} for
     * {@code purpose} now: the one presented (by id or authorisation code) or, when none is, one the person granted;
     * refused with the fault's code, and CONSENT_INSTITUTION_BANNED while the violation register bans the institution.
     */
    Consent allowing(UUID subjectId, UUID institutionId, Purpose purpose, UUID consentId, String authorisationCode,
                     Instant now) {
        // A ban of the violation register holds from its first day, whether or not the night withdrew the consents
        // given to the institution (gaps review xxxviii S7); read with the keys' cache, no query.
        if (clients.banned(institutionId, now)) {
            throw new InquiryProblem("CONSENT_INSTITUTION_BANNED", DomainProblem.Kind.FORBIDDEN,
                    "该机构在违规机构名单的禁入期内，不能凭授权查询信用报告");
        }
        UUID presented = consentId;
        if (authorisationCode != null && !authorisationCode.isBlank()) {
            presented = codes().consentOf(authorisationCode).orElseThrow(() -> new InquiryProblem(
                    "CONSENT_CODE_INVALID", DomainProblem.Kind.FORBIDDEN, "授权码无效（不是本平台签发的授权码）"));
            if (consentId != null && !consentId.equals(presented)) {
                throw new InquiryProblem("CONSENT_CODE_INVALID", DomainProblem.Kind.INVALID_INPUT,
                        "授权码与 consentId 指向不同的授权");
            }
        }
        if (presented != null) {
            Consent consent = store.consent(presented).orElseThrow(() -> new InquiryProblem("CONSENT_MISSING",
                    DomainProblem.Kind.FORBIDDEN, "所出示的授权不存在"));
            ConsentRule.check(consent, subjectId, institutionId, purpose, now).ifPresent(fault -> {
                throw fault;
            });
            return consent;
        }
        return ConsentRule.choose(store.consentsOf(subjectId, institutionId), subjectId, institutionId, purpose,
                now);
    }

    private AuthorisationCode codes() {
        AuthorisationCode current = codes;
        if (current == null) {
            current = new AuthorisationCode(store.secret(CODE_KEY));
            codes = current;
        }
        return current;
    }

    private String pseudonym(UUID subjectId) {
        return subjects.pseudonymOf(subjectId).orElseThrow();
    }
}
