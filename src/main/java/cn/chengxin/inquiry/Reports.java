package cn.chengxin.inquiry;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.account.NoticeArg;
import cn.chengxin.account.Notices;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.ConsentRule;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.FreeReports;
import cn.chengxin.inquiry.domain.InquiryProblem;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.inquiry.domain.ReportLanguage;
import cn.chengxin.inquiry.domain.ReportNumbers;
import cn.chengxin.inquiry.domain.ReportReader;
import cn.chengxin.inquiry.domain.ReportScope;
import cn.chengxin.inquiry.domain.Requester;
import cn.chengxin.inquiry.pdf.ReportDocuments;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.inquiry.persistence.ReportRequestKeys;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.IdempotencyKey;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.TypedText;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit reports (RULES.md §9): for the person (free, twice a year for the full report), for an institution with the
 * person's consent, for a state organ within its statutory duty. Every report is kept with its snapshot, its PDF (both
 * sealed at rest, {@link SealedReports}) and the PDF's SM3 digest; its issue is recorded in the audit log (with the digest) under the person, so the person
 * sees it in "谁查询了我" and the next report lists it among its query records. Anyone can verify a report by its
 * number and verification code.
 */
@Service
public class Reports {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String SELF_BASIS = "征信业管理条例 第十七条 本人查询";
    /** How the report, the audit log and "谁查询了我" name a self query made at the counter (窗口查询). */
    public static final String COUNTER_PARTY = "本人（窗口）";
    public static final String COUNTER_PURPOSE = "本人查询（窗口）";
    /** The audit action of a report issued to the person at the counter. */
    public static final String COUNTER_ACTION = "report.counter";

    /**
     * What a report of one's own or a consented one carries is its kind's alone (ReportScope); a department's remit
     * narrows a government query's only ({@link ReportReader}).
     */
    private static final ReportReader BY_KIND = ReportReader.byKind();

    /** The subject id no one has: an unregistered number's, whose consents are none. */
    private static final UUID NOBODY = new UUID(0, 0);

    private final ReportAssembler assembler;
    private final ReportDocuments documents;
    private final Consents consents;
    private final JdbcInquiry store;
    private final SubjectRegistry subjects;
    private final AuditLog audit;
    private final InquirySettings settings;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final ReportNumbers numbers = new ReportNumbers(new SecureRandom());
    private final Notices notices;
    private final SupersededReports superseded;
    private final CounterVisits counterVisits;
    private final ReportRequestKeys requestKeys;

    Reports(ReportAssembler assembler, ReportDocuments documents, Consents consents, JdbcInquiry store,
            SubjectRegistry subjects, AuditLog audit, InquirySettings settings, TransactionTemplate transactions,
            JsonMapper json, Clock clock, Notices notices, SupersededReports superseded, CounterVisits counterVisits,
            ReportRequestKeys requestKeys) {
        this.requestKeys = requestKeys;
        this.notices = notices;
        this.counterVisits = counterVisits;
        this.superseded = superseded;
        this.assembler = assembler;
        this.documents = documents;
        this.consents = consents;
        this.store = store;
        this.subjects = subjects;
        this.audit = audit;
        this.settings = settings;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** A report as issued: its id, number and code, the snapshot and the PDF. */
    public record Issued(UUID id, String number, String verificationCode, ReportContent content, byte[] pdf,
                         String sm3) {
    }

    /** How many free full reports the person has left this year. */
    public int freeReportsLeft(UUID subjectId) {
        int year = LocalDate.ofInstant(clock.instant(), CHINA).getYear();
        return Math.max(0, settings.freeSelfReportsPerYear() - freeUsed(subjectId, year));
    }

    /** The person's own report in Chinese: see {@link #forSelf(UUID, ReportKind, ReportLanguage)}. */
    public Issued forSelf(UUID subjectId, ReportKind kind) {
        return forSelf(subjectId, kind, ReportLanguage.ZH);
    }

    /**
     * The person's own report: the full report (counted against the free allowance) or the occupational one, its
     * fixed text in {@code language} (the language of the page the person asked from).
     */
    public Issued forSelf(UUID subjectId, ReportKind kind, ReportLanguage language) {
        if (kind != ReportKind.SELF_FULL && kind != ReportKind.OCCUPATIONAL) {
            throw new InquiryProblem("REPORT_KIND_INVALID", DomainProblem.Kind.INVALID_INPUT, "本人可获取完整版或职业信用报告");
        }
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, CHINA).getYear();
        if (kind == ReportKind.SELF_FULL) {
            FreeReports.requireAllowance(freeUsed(subjectId, year), settings.freeSelfReportsPerYear(), year);
        }
        Actor self = AuditLog.currentActor();
        ReportScope scope = new ReportScope(kind, Requester.SELF, null);
        return issue(scope, profile(subjectId), self, "本人", null, null, BY_KIND, now, language, number -> {
            if (kind == ReportKind.SELF_FULL) {
                FreeReports.requireAllowance(store.lockAndCountSelfReports(subjectId, startOf(year),
                        startOf(year + 1)), settings.freeSelfReportsPerYear(), year);
            }
        });
    }

    /**
     * 窗口查询 (gaps review xxiii F11; RULES.md §9): the person's own full report, issued at the credit office's
     * window by the clerk who checked the person's identity, or a guardian's (RULES.md §6). It is the report the
     * person gets in self-service, counted against the same free reports, and audited as the person's own query made
     * at the counter by the named clerk ({@link #COUNTER_ACTION}, {@link #COUNTER_PURPOSE}); the identity check is
     * kept with it. The number typed is never echoed: a refusal names the fault only.
     *
     * A person the register does not know is registered with no records under the name on the document checked
     * ({@link CounterPersons}, gaps review xxix K3): the report says that no credit records were collected.
     *
     * Gaps review xxxi M2: the name on the document must be the registry's, the signed 查询申请表 (and a guardian's
     * proof) is scanned and kept with the visit, and the person is told at once ({@link CounterVisits}).
     */
    public Issued atCounter(Actor clerk, CounterRequest request) {
        CounterIdentityCheck check = request.check();
        IdentityDocument document = subjects.validate(DocumentType.named(request.documentType()), request.number());
        List<String> types = counterVisits.requireComplete(request, subjects.find(document));
        UUID subjectId = CounterPersons.findOrRegister(subjects, audit, clerk, document, request.personName(), check);
        SubjectProfile subject = profile(subjectId);
        if (subject.kind() != cn.chengxin.subject.domain.SubjectKind.PERSON) {
            throw new InquiryProblem("REPORT_KIND_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "窗口查询为自然人本人出具个人信用报告");
        }
        Instant now = clock.instant();
        check.requireGuardianFor(subject.birthDate(), LocalDate.ofInstant(now, CHINA));
        int year = LocalDate.ofInstant(now, CHINA).getYear();
        FreeReports.requireAllowance(freeUsed(subjectId, year), settings.freeSelfReportsPerYear(), year);
        ReportScope scope = new ReportScope(ReportKind.SELF_FULL, Requester.SELF, null);
        return issueAs(COUNTER_ACTION, scope, subject, clerk, COUNTER_PARTY, COUNTER_PURPOSE, SELF_BASIS, null,
                BY_KIND, now, ReportLanguage.ZH, number -> {
                    requireNotJoinedSince(subjectId);
                    FreeReports.requireAllowance(
                            store.lockAndCountSelfReports(subjectId, startOf(year), startOf(year + 1)),
                            settings.freeSelfReportsPerYear(), year);
                },
                check,
                reportId -> {
                    counterVisits.keep(counterVisit(subjectId, "REPORT", reportId, null, check, clerk, now), request,
                            types);
                    counterVisits.tell(subjectId, "REPORT_ISSUED_AT_COUNTER", "您于" + CounterVisits.day(now)
                            + "在信用办窗口查询了本人信用报告，如非本人办理请到窗口反映",
                            "信用办窗口为您出具了本人信用报告（计入本年免费次数）。办理人员：" + clerk.actorName() + "。",
                            "/me/access", request);
                });
    }

    /**
     * Refuses a counter report whose person's file was joined into another since they were found (engineer 4's
     * finding, session xliv): the report was assembled from the joined file, which the join emptied, so stored under
     * the kept subject it would not show the person's one file (98号 三(一); RULES.md §1). The clerk asks again and
     * finds the kept subject. First in the report's transaction: joins are held off until it ends.
     */
    private void requireNotJoinedSince(UUID subjectId) {
        if (!CounterPersons.heldThroughJoins(subjects, subjectId).equals(subjectId)) {
            throw new InquiryProblem("COUNTER_SUBJECT_JOINED", DomainProblem.Kind.CONFLICT,
                    "该人员的两份信用档案刚刚合并：请重新查询，报告将按合并后的档案出具");
        }
    }

    /** The clerk's counter services, newest first. */
    public List<JdbcInquiry.CounterVisit> servedAtCounterBy(Actor clerk, int limit) {
        return store.counterVisitsBy(clerk.actorId(), limit);
    }

    /**
     * A counter report printed by the clerk who issued it, the same day only: it is the person's report, handed over
     * at the window, not one the clerk keeps reading (RULES.md §10, least privilege). Each print is recorded against
     * the person. Empty otherwise.
     */
    public Optional<Issued> printedAtCounter(Actor clerk, UUID reportId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
        Optional<JdbcInquiry.IssuedReport> printable = store.report(reportId)
                .filter(r -> r.requesterId().equals(clerk.actorId()) && Requester.SELF.name().equals(r.requesterKind()))
                .filter(r -> LocalDate.ofInstant(r.generatedAt(), CHINA).equals(today));
        printable.ifPresent(r -> audit.record(AuditEntry.of(AuditCategory.QUERY, "report.download").by(clerk)
                .subject(subjects.pseudonymOf(r.subjectId()).orElseThrow()).purpose(r.purpose(), r.legalBasis())
                .detail(AuditDetail.of("REPORT_PRINTED_AT_COUNTER").withLabel("kind", "reports.kind." + r.kind().name())
                        .with("report", r.number()).with("sm3", r.sm3()))));
        return printable.map(this::load);
    }

    static JdbcInquiry.CounterVisit counterVisit(UUID subjectId, String service, UUID reportId, UUID consentId,
                                                 CounterIdentityCheck check, Actor clerk, Instant at) {
        return new JdbcInquiry.CounterVisit(Ids.newId(), subjectId, service, reportId, consentId,
                check.personDocument().name(), check.byGuardian(), check.guardianName(),
                check.guardianDocument() == null ? null : check.guardianDocument().name(),
                check.maskedGuardianNumber(), check.proof() == null ? null : check.proof().name(), clerk.actorId(),
                clerk.actorName(), at, null);
    }

    /**
     * An institution's query with the person's consent: the consent presented (by id or authorisation code) or one
     * the person granted must allow this institution, this person and this purpose now; a single-use consent is
     * used up by the report. The report is of the kind the consent's purpose fixes ({@link Purpose#reportKind()}):
     * {@code kind} null takes it, another kind is refused ({@code CONSENT_KIND_MISMATCH}).
     *
     * @param documentType the type of a passport or travel-permit holder's number (code or Chinese label,
     *                     {@link DocumentType#named}); null or blank: a resident identity number, inferred
     */
    public Issued forInstitution(ApiClientPrincipal client, String subjectNumber, String documentType, Purpose purpose,
                                 ReportKind kind, UUID consentId, String authorisationCode) {
        return forInstitution(client, subjectNumber, documentType, purpose, kind, consentId, authorisationCode,
                ReportLanguage.ZH);
    }

    /** As {@link #forInstitution(ApiClientPrincipal, String, String, Purpose, ReportKind, UUID, String)}, in {@code language}. */
    public Issued forInstitution(ApiClientPrincipal client, String subjectNumber, String documentType, Purpose purpose,
                                 ReportKind kind, UUID consentId, String authorisationCode, ReportLanguage language) {
        return issueForInstitution(client, subjectNumber, documentType, purpose, kind, consentId, authorisationCode,
                language, null);
    }

    /** An institution's report as answered: issued now, or {@code replayed}, the one issued to the same request before. */
    public record Answered(Issued issued, boolean replayed) {
    }

    /**
     * As {@link #forInstitution(ApiClientPrincipal, String, String, Purpose, ReportKind, UUID, String, ReportLanguage)},
     * sent under an Idempotency-Key (gaps review xxxiii N11; issue #7, PIPL Art. 14: a single-use consent authorises one
     * report). The first request with the key issues the report and keeps the key for the client with the report's
     * number ({@link IdempotencyKey#KEPT}); the same key with the same request from the same client is answered with
     * that report (its id, number, code and content, as issued) without using the consent again, notifying the
     * person again or adding a query to their record: the answer is audited as a look at the report
     * ({@code report.download}, REPORT_ANSWERED_AGAIN), which "谁查询了我" shows and no later report counts as a query.
     * A request with the key the client used for another is refused 409 IDEMPOTENCY_KEY_CONFLICT; a report whose
     * content was deleted at the end of its retention 409 REPORT_EMPTIED. Two requests with one key at once give one
     * report: the key is claimed first in the report's transaction (a primary key), so the second waits for the first
     * and answers its report. {@code retry} null: as without a key.
     */
    public Answered forInstitution(ApiClientPrincipal client, String subjectNumber, String documentType,
                                   Purpose purpose, ReportKind kind, UUID consentId, String authorisationCode,
                                   ReportLanguage language, IdempotencyKey retry) {
        if (retry != null) {
            Optional<Issued> earlier = answeredBefore(client, retry);
            if (earlier.isPresent()) {
                return new Answered(earlier.get(), true);
            }
        }
        try {
            return new Answered(issueForInstitution(client, subjectNumber, documentType, purpose, kind, consentId,
                    authorisationCode, language, retry), false);
        } catch (KeyTaken taken) {
            return new Answered(answeredBefore(client, retry).orElseThrow(), true);
        }
    }

    /** The report the request kept under the key was answered with, answered again and audited as a look. */
    private Optional<Issued> answeredBefore(ApiClientPrincipal client, IdempotencyKey retry) {
        return requestKeys.answer(client.actorId(), retry).map(number -> {
            JdbcInquiry.IssuedReport r = store.reportByNumber(number).orElseThrow();
            Issued issued = load(r);
            audit.record(lookAgain(client, r, AuditDetail.of("REPORT_ANSWERED_AGAIN")));
            return issued;
        });
    }

    /**
     * A report the institution was issued, fetched again by it (gaps review xxxiii N11): by the key that obtained it or
     * another live key of the same institution (the consent names the institution, K2), while the report is valid —
     * after, it attests nothing and a new query, on a new consent, is due (409 REPORT_PAST_VALIDITY; its content is
     * deleted later still, M4a). Each fetch is a look at the person's data, audited against them
     * ({@code report.download}, REPORT_FETCHED_AGAIN), never a new query. Empty when it is not a report this
     * institution was issued.
     */
    public Optional<Issued> fetchedBy(ApiClientPrincipal client, UUID reportId) {
        Optional<JdbcInquiry.IssuedReport> issued = store.report(reportId)
                .filter(r -> Requester.INSTITUTION.name().equals(r.requesterKind()))
                .filter(r -> r.requesterId().equals(client.actorId()) || store.consentOf(r.id())
                        .flatMap(store::consent).filter(c -> c.institutionId().equals(client.institutionId()))
                        .isPresent());
        issued.filter(r -> !r.valid(clock.instant())).ifPresent(r -> {
            throw new InquiryProblem("REPORT_PAST_VALIDITY", DomainProblem.Kind.CONFLICT, "报告 " + r.number()
                    + " 已过有效期，不能再获取：如仍需查询，请取得被查询人的授权后重新查询");
        });
        return issued.map(r -> {
            Issued loaded = load(r);
            audit.record(lookAgain(client, r, AuditDetail.of("REPORT_FETCHED_AGAIN")));
            return loaded;
        });
    }

    private AuditEntry lookAgain(ApiClientPrincipal client, JdbcInquiry.IssuedReport r, AuditDetail detail) {
        AuditEntry look = AuditEntry.of(AuditCategory.QUERY, "report.download").by(client)
                .subject(subjects.pseudonymOf(r.subjectId()).orElseThrow()).purpose(r.purpose(), r.legalBasis())
                .detail(detail.with("report", r.kind().title() + " " + r.number()).with("sm3", r.sm3()));
        return store.consentOf(r.id()).map(c -> look.consent(c.toString())).orElse(look);
    }

    /** The key was claimed by the same client's request meanwhile: that request's report is the answer. */
    private static final class KeyTaken extends RuntimeException {

        KeyTaken() {
            super("Idempotency-Key taken", null, false, false);
        }
    }

    private Issued issueForInstitution(ApiClientPrincipal client, String subjectNumber, String documentType,
                                       Purpose purpose, ReportKind kind, UUID consentId, String authorisationCode,
                                       ReportLanguage language, IdempotencyKey retry) {
        if (purpose == null) {
            throw new InquiryProblem("PURPOSE_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "须写明查询用途（授权范围内）");
        }
        if (kind != null && kind != ReportKind.AUTHORISED && kind != ReportKind.OCCUPATIONAL) {
            throw new InquiryProblem("REPORT_KIND_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "机构可查询授权查询版或职业信用报告");
        }
        IdentityDocument document = subjects.validate(DocumentType.named(documentType), subjectNumber);
        Instant now = clock.instant();
        Optional<UUID> found = subjects.find(document);
        // A number not registered is checked as a person who authorised no one: the consent or code presented gets
        // the answer it would get for a registered person, so the answer never tells whether a number is registered.
        UUID subjectId = found.orElse(NOBODY);
        Consent consent;
        ReportKind reportKind;
        try {
            // Any live key of the institution the person authorised uses the consent (gaps review xxix K2).
            consent = consents.allowing(subjectId, client.institutionId(), purpose, consentId, authorisationCode,
                    now);
            // The consent's purpose fixes the kind (G6; RULES.md §9, PIPL Art. 6): none asked for, that one.
            reportKind = ConsentRule.kind(consent, kind);
        } catch (InquiryProblem refusal) {
            if (retry != null && requestKeys.find(client.actorId(), retry).isPresent()) {
                throw new KeyTaken(); // the consent used meanwhile by a request with the same key: its report
            }
            refused(client, subjects.pseudonymOf(document), purpose,
                    refusal.code() + (found.isEmpty() ? " (subject not registered)" : ""));
            throw refusal.code().equals("CONSENT_SUBJECT_MISMATCH") ? notAuthorised() : refusal;
        }
        ReportScope scope = new ReportScope(reportKind, Requester.INSTITUTION, purpose);
        Consent allowing = consent;
        return issue(scope, profile(subjectId), client, client.organisation() + "（" + client.name() + "）",
                "被查询人授权（" + allowing.id() + "）", allowing.id(), BY_KIND, now, language, number -> {
                    // The key first: a second request with it waits here for the first and answers its report.
                    if (retry != null && !requestKeys.claim(client.actorId(), retry, number)) {
                        throw new KeyTaken();
                    }
                    if (!store.use(allowing.id(), clock.instant())) {
                        // withdrawn, expired or used since it was checked: refuse with the reason it has now
                        Consent current = store.consent(allowing.id()).orElseThrow();
                        throw ConsentRule.check(current, subjectId, client.institutionId(),
                                purpose, clock.instant()).orElseGet(() -> new InquiryProblem("CONSENT_USED",
                                DomainProblem.Kind.FORBIDDEN, "该授权已不能使用"));
                    }
                    // The person hears of every use of their consent (issue #8 "Notifications"; PIPL Art. 15: they
                    // may withdraw it), and only of a use that happened: the notice commits with the report.
                    notices.notify(subjectId, "CONSENT_USED", client.organisation() + "已使用您的授权查询信用报告",
                            client.organisation() + "按您的授权，以“" + purpose.label() + "”为用途查询了您的信用报告（报告编号 "
                                    + number + "）。如非您本人授权，请在“授权管理”中撤回授权并提出异议。", "/me/consents",
                            "CONSENT_USED", List.of(NoticeArg.text(client.organisation()),
                                    NoticeArg.label("me.consent.purpose." + purpose.name(), purpose.label()),
                                    NoticeArg.text(String.valueOf(number))));
                });
    }

    /**
     * A state organ's query within its statutory duty: the staff member, the purpose and its basis are recorded. The
     * person is named as in {@link #forInstitution}: a passport or travel-permit holder with the document type.
     */
    public Issued forGovernment(Actor staff, String subjectNumber, String documentType, StaffQueryPurpose purpose,
                                String caseReference) {
        if (purpose == null || caseReference == null || caseReference.isBlank() || caseReference.length() > 100) {
            throw new InquiryProblem("PURPOSE_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "须选择法定职责事由并填写业务编号或案号（不超过 100 字）");
        }
        // Printed into the report, which the subject is shown (RULES.md §10: no identity number in clear there).
        TypedText.requireNoIdentityNumber("reference", "业务编号或案号", caseReference);
        IdentityDocument document = subjects.validate(DocumentType.named(documentType), subjectNumber);
        UUID subjectId = subjects.find(document).orElseThrow(() -> new InquiryProblem("SUBJECT_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "平台没有该主体的信用档案"));
        ReportScope scope = new ReportScope(ReportKind.GOVERNMENT, Requester.GOVERNMENT, null);
        String requester = staff.organisation() + " " + staff.actorName();
        return issue(scope, profile(subjectId), staff, requester, purpose.label() + "（" + caseReference.strip() + "）",
                null, new ReportReader(staff.departmentCode(), staff.organisation(), staff.dataScope()), clock.instant(), ReportLanguage.ZH, number -> {
                }, purpose.legalBasis());
    }

    private Issued issue(ReportScope scope, SubjectProfile subject, Actor actor, String requester, String purposeNote,
                         UUID consentId, ReportReader reader, Instant now, ReportLanguage language,
                         Consumer<String> withReport) {
        return issue(scope, subject, actor, requester, purposeNote, consentId, reader, now, language, withReport,
                null);
    }

    /**
     * Assembles and renders the report, then stores it in one transaction with what {@code withReport} does beside
     * it (given the report's number: the free-report count checked under lock, the consent used, the person
     * notified) and with its {@code report.issue} audit event: an audit log that refuses the event keeps none of
     * them (RULES.md §10, every query traceable; {@link AuditLog}: fail closed), so no report is kept or handed out
     * unaudited, and no consent is used up or free report counted for a caller told it failed.
     */
    private Issued issue(ReportScope scope, SubjectProfile subject, Actor actor, String requester, String purposeNote,
                         UUID consentId, ReportReader reader, Instant now, ReportLanguage language,
                         Consumer<String> withReport, String legalBasis) {
        String purpose = scope.purposeLabel() + (purposeNote == null || scope.requester() == Requester.INSTITUTION
                ? "" : "：" + purposeNote);
        String basis = legalBasis != null ? legalBasis : switch (scope.requester()) {
            case SELF -> SELF_BASIS;
            case INSTITUTION -> "征信业管理条例 第十八条 经信息主体书面授权";
            case GOVERNMENT -> "法定职责";
        };
        return issueAs("report.issue", scope, subject, actor, requester, purpose, basis, consentId, reader, now,
                language, withReport, null, id -> {
                });
    }

    /**
     * A report's issue as a reason code and values (K7): its kind, number and SM3, what it carries, whether it holds
     * the score and its language; at the window, the identity check.
     */
    private static AuditDetail issuedDetail(ReportKind kind, ReportContent content, String sm3, ReportLanguage language,
                                            CounterIdentityCheck check) {
        AuditDetail detail = AuditDetail.of(check == null ? "REPORT_ISSUED" : check.byGuardian()
                        ? "REPORT_ISSUED_COUNTER_GUARDIAN" : "REPORT_ISSUED_COUNTER")
                .withLabel("kind", "reports.kind." + kind.name()).with("report", content.number()).with("sm3", sm3)
                .with("good", content.goodRecords().size()).with("negative", content.negativeRecords().size())
                .with("lists", content.lists().size())
                .withLabel("score", content.score() != null ? "audit.reportScore.with" : "audit.reportScore.without")
                .withLabel("language", "audit.reportLanguage." + language.name());
        return check == null ? detail : Consents.checkedAtWindow(detail, check);
    }

    /**
     * As {@link #issue}, audited as {@code action} (at the window, {@code check} not null, with the check), and
     * {@code withStored} done with the stored report's id in the same transaction.
     */
    private Issued issueAs(String action, ReportScope scope, SubjectProfile subject, Actor actor, String requester,
                           String purpose, String basis, UUID consentId, ReportReader reader, Instant now,
                           ReportLanguage language, Consumer<String> withReport, CounterIdentityCheck check,
                           Consumer<UUID> withStored) {
        String pseudonym = subjects.pseudonymOf(subject.id()).orElseThrow();
        ReportAssembler.Heading heading = new ReportAssembler.Heading(numbers.number(LocalDate.ofInstant(now, CHINA)),
                numbers.verificationCode(), purpose, basis, requester, now, language);
        ReportCarries carries = new ReportCarries();
        ReportContent content = assembler.assemble(scope, subject, pseudonym, heading, reader, carries);
        byte[] pdf = documents.pdf(content);
        String sm3 = sm3(pdf);
        UUID id = Ids.newId();
        AuditEntry issued = AuditEntry.of(AuditCategory.QUERY, action).by(actor).subject(pseudonym)
                .purpose(purpose, basis)
                .detail(issuedDetail(scope.kind(), content, sm3, language, check));
        AuditEntry entry = consentId == null ? issued : issued.consent(consentId.toString());
        transactions.executeWithoutResult(tx -> {
            withReport.accept(content.number());
            store.insertReport(new JdbcInquiry.NewReport(id, content.number(), content.verificationCode(),
                    scope.kind(), subject.id(), scope.requester().name(), actor.actorId(), requester,
                    actor.organisation() == null ? "" : actor.organisation(), purpose, basis, consentId,
                    content.generatedAt(), content.validUntil(), sm3, json.writeValueAsString(content.summary()),
                    json.writeValueAsString(content), pdf));
            superseded.keep(id, content.validUntil(), carries);
            withStored.accept(id);
            audit.record(entry);
        });
        return new Issued(id, content.number(), content.verificationCode(), content, pdf, sm3);
    }

    /**
     * The answer to an institution the person never authorised, and to one that presents another person's consent:
     * told apart, the two would tell it that the number it typed is a registered person's (PIPL Art. 10); the audit
     * detail keeps which it was.
     */
    private static InquiryProblem notAuthorised() {
        return new InquiryProblem("CONSENT_MISSING", DomainProblem.Kind.FORBIDDEN, "被查询人没有授权本机构查询其信用信息");
    }

    private void refused(ApiClientPrincipal client, String pseudonym, Purpose purpose, String code) {
        audit.record(AuditEntry.of(AuditCategory.QUERY, "report.issue").by(client).subject(pseudonym)
                .purpose("授权查询：" + purpose.label(), "征信业管理条例 第十八条").result(AuditResult.DENIED)
                .detail(AuditDetail.of("REFUSED").withLabel("refusal", "problem." + code)));
    }

    /**
     * What the public verification page shows: found only with the right number and code; {@code kind} names the
     * report in the page's language, {@code kindTitle} is its stored Chinese title. {@code changedOn}: while the report
     * is valid, the day from which what it carries changed (a record deleted, corrected, repaired, revoked or expired,
     * a new version, a list entry ended: finding G5), never which; null when nothing did, or for a report issued before
     * reports kept what they carry. {@code requester}: who obtained it, a state organ's report naming the organisation
     * only (null when it has none), never the staff member (the page is public to anyone holding the code).
     * {@code emptied}: past its retention, its content and PDF deleted (M4); the rest still verifies. {@code taggedSm3}:
     * the SM3 of its tagged (PDF/UA) form ({@link #tagged}), {@code largePrintSm3} of its large-print form ({@link
     * #largePrint}), each null while that was never asked for.
     */
    public record Verified(ReportContent.Summary summary, boolean valid, String sm3, String kindTitle,
                           ReportKind kind, LocalDate changedOn, String requester, boolean emptied,
                           String taggedSm3, String largePrintSm3) {

        /** Authentic, within its validity and its contents unchanged: "真实有效". */
        public boolean current() {
            return valid && changedOn == null;
        }
    }

    /**
     * A verification found shows the person's masked name, the requester and the counts: a look at the person's
     * data, recorded against them ({@code report.verify}, by whoever asked, usually anonymous) so that they see it in
     * "谁查询了我" (RULES.md §10: every operation traceable). A failed one reveals nothing and is not recorded.
     */
    public Optional<Verified> verify(String number, String code) {
        String typed = ReportNumbers.normalise(code);
        String cleanNumber = ReportNumbers.normalise(number);
        if (cleanNumber.isEmpty() || cleanNumber.length() > 40 || typed.isEmpty()) {
            return Optional.empty();
        }
        return store.reportByNumber(cleanNumber)
                .filter(r -> MessageDigest.isEqual(r.verificationCode().getBytes(StandardCharsets.US_ASCII),
                        typed.getBytes(StandardCharsets.US_ASCII)))
                .map(r -> {
                    audit.record(AuditEntry.of(AuditCategory.QUERY, "report.verify")
                            .subject(subjects.pseudonymOf(r.subjectId()).orElseThrow()).purpose("报告核验", null)
                            .detail(AuditDetail.of("REPORT_VERIFIED")
                                    .withLabel("kind", "reports.kind." + r.kind().name()).with("report", r.number())));
                    return r;
                })
                .map(this::verified);
    }

    private Verified verified(JdbcInquiry.IssuedReport r) {
        ReportContent.Summary summary = json.readValue(store.summary(r.id()).orElseThrow(),
                ReportContent.Summary.class);
        boolean valid = r.valid(clock.instant());
        LocalDate changedOn = valid ? superseded.changedOn(r.id(), r.subjectId()).orElse(null) : null;
        // A state organ's report names its staff member in the report (for the department's file), not on the public
        // page: the organisation only, as stored with the report (also for one issued before, whose summary has both).
        // A staff member without an organisation (none in practice) is named by neither: null, "a state organ".
        String requester = !Requester.GOVERNMENT.name().equals(r.requesterKind()) ? summary.requester()
                : r.organisation().isBlank() ? null : r.organisation();
        return new Verified(summary, valid, r.sm3(), r.kind().title(), r.kind(), changedOn, requester, r.emptied(),
                store.taggedSm3(r.id()).orElse(null), store.largePrintSm3(r.id()).orElse(null));
    }

    /** All reports about the person (their own and those others obtained), newest first. */
    public List<JdbcInquiry.IssuedReport> about(UUID subjectId) {
        return store.reportsOf(subjectId);
    }

    /** Reports a requester (staff member or client) obtained, newest first. */
    public List<JdbcInquiry.IssuedReport> obtainedBy(String requesterId, int limit) {
        return store.reportsBy(requesterId, limit);
    }

    /** A report about the person, with its snapshot and PDF; empty when it is not about them. */
    public Optional<Issued> aboutSubject(UUID subjectId, UUID reportId) {
        return store.report(reportId).filter(r -> r.subjectId().equals(subjectId)).map(this::load);
    }

    /**
     * A report the staff member obtained, downloaded again: each download is a look at the person's data, recorded
     * against the person under the purpose and basis the report was obtained for (RULES.md §9: staff queries logged
     * with name, time, content, purpose); refused once the report is past its validity, when a fresh query, with
     * its own purpose, is due. Empty when it is not a report this staff member obtained.
     */
    public Optional<Issued> downloadedBy(Actor staff, UUID reportId) {
        Optional<JdbcInquiry.IssuedReport> obtained = store.report(reportId)
                .filter(r -> r.requesterId().equals(staff.actorId()))
                .filter(r -> !Requester.SELF.name().equals(r.requesterKind()));
        obtained.filter(r -> !r.valid(clock.instant())).ifPresent(r -> {
            throw new InquiryProblem("REPORT_EXPIRED", DomainProblem.Kind.CONFLICT, "报告 " + r.number()
                    + " 已过有效期，不能再下载：如仍需查询，请以法定职责事由重新查询");
        });
        obtained.ifPresent(r -> audit.record(AuditEntry.of(AuditCategory.QUERY, "report.download").by(staff)
                .subject(subjects.pseudonymOf(r.subjectId()).orElseThrow()).purpose(r.purpose(), r.legalBasis())
                .detail(AuditDetail.of("REPORT_DOWNLOADED").withLabel("kind", "reports.kind." + r.kind().name())
                        .with("report", r.number()).with("sm3", r.sm3()))));
        return obtained.map(this::load);
    }

    /**
     * Gaps review xxxv O3: the report's tagged (PDF/UA) form, for a screen reader — the same report, rendered from its
     * stored snapshot when asked for, never when a report is issued (the untagged PDF is the one issued, stored and
     * digested in {@code sm3}: tagging every report cost a quarter of issue #8's throughput). Its number and
     * verification code are the report's, so the verification page finds it as it finds the PDF; and since it is the
     * same bytes at every rendering (ReportDocuments), its SM3, kept at the first (V446), verifies the file itself:
     * the page shows it beside the PDF's. {@code issued} as loaded by a caller that checked and audited the look, as
     * for the PDF; the answer carries the tagged bytes and their SM3.
     */
    public Issued tagged(Issued issued) {
        return rendered(issued, documents.taggedPdf(issued.content()), JdbcInquiry.RenderedForm.TAGGED);
    }

    /**
     * Gaps review xxxv O3 (rest): the report's large-print form (大字版) — the tagged form in 14 pt type on A4 landscape,
     * for a reader with low vision or an old person who prints it — rendered and verified as {@link #tagged} is (its
     * own SM3 kept at the first rendering, V580, and shown on the verification page); never when a report is issued.
     */
    public Issued largePrint(Issued issued) {
        return rendered(issued, documents.largePrintPdf(issued.content()), JdbcInquiry.RenderedForm.LARGE_PRINT);
    }

    private Issued rendered(Issued issued, byte[] pdf, JdbcInquiry.RenderedForm form) {
        String sm3 = sm3(pdf);
        if (!store.keepSm3(form, issued.id(), sm3).equals(sm3)) {
            // A renderer that changed since the first: the file still verifies by number and code, not by the digest.
            org.slf4j.LoggerFactory.getLogger(Reports.class).warn(
                    "Report {}'s {} form no longer renders as at first: its SM3 differs from the one kept",
                    issued.number(), form);
        }
        return new Issued(issued.id(), issued.number(), issued.verificationCode(), issued.content(), pdf, sm3);
    }

    public String html(ReportContent content) {
        return documents.html(content);
    }

    public String json(ReportContent content) {
        return json.writeValueAsString(content);
    }

    /** The report with its snapshot and PDF; refused once they were deleted at the end of their retention (M4). */
    private Issued load(JdbcInquiry.IssuedReport r) {
        if (r.emptied()) {
            throw new InquiryProblem("REPORT_EMPTIED", DomainProblem.Kind.CONFLICT, "报告 " + r.number()
                    + " 已超过保存期限，其内容和 PDF 文件已删除，不能再下载；报告编号仍可核验");
        }
        ReportContent content = json.readValue(store.content(r.id()).orElseThrow(), ReportContent.class);
        return new Issued(r.id(), r.number(), r.verificationCode(), content, store.pdf(r.id()).orElseThrow(), r.sm3());
    }

    private int freeUsed(UUID subjectId, int year) {
        return store.countSelfReports(subjectId, startOf(year), startOf(year + 1));
    }

    private SubjectProfile profile(UUID subjectId) {
        return subjects.profile(subjectId).orElseThrow();
    }

    private static Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant();
    }

    static String sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
