package cn.chengxin.commitment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.audit.AuditUnavailableException;
import cn.chengxin.audit.AuditedRows;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.SubjectType;
import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.commitment.domain.CommitmentStatus;
import cn.chengxin.commitment.persistence.CommitmentRequestKeys;
import cn.chengxin.commitment.persistence.JdbcCommitments;
import cn.chengxin.ingestion.BatchResult;
import cn.chengxin.ingestion.IncomingRecord;
import cn.chengxin.ingestion.Submissions;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.IdempotencyKey;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.TypedText;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 信用承诺: signs, lists and settles commitments. A breach reported by a department becomes a 违背信用承诺信息 record
 * ({@code P_COMMITMENT_BREACH}) and a commitment kept to its due date a 信用承诺信息 record ({@code P_COMMITMENT}),
 * both through the normal collection path — validated, idempotent and fanned out like any department's record; the
 * catalogue decides whether they count for lists and scores.
 */
@Service
public class Commitments {

    static final String BREACH_ITEM = "P_COMMITMENT_BREACH";
    static final String KEPT_ITEM = "P_COMMITMENT";
    private static final String PLATFORM_DEPARTMENT = "CREDIT_OFFICE";
    private static final Logger log = LoggerFactory.getLogger(Commitments.class);

    private final JdbcCommitments store;
    private final SubjectRegistry subjects;
    private final Catalogue catalogue;
    private final Submissions submissions;
    private final AuditLog audit;
    /** Owed records read at a time (each still submitted alone, as before). */
    static final int OWED_PAGE = 1_000;
    /** How long one run goes on submitting owed records; what is left is the next night's, first in line. */
    static final java.time.Duration SETTLING_BUDGET = java.time.Duration.ofHours(2);

    private final Clock clock;
    private final CommitmentRequestKeys requestKeys;
    private final TransactionTemplate transactions;

    Commitments(JdbcCommitments store, SubjectRegistry subjects, Catalogue catalogue, Submissions submissions,
                AuditLog audit, Clock clock, CommitmentRequestKeys requestKeys, TransactionTemplate transactions) {
        this.requestKeys = requestKeys;
        this.transactions = transactions;
        this.store = store;
        this.subjects = subjects;
        this.catalogue = catalogue;
        this.submissions = submissions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a commitment the subject signed, with the exact text shown to them.
     *
     * @param reference      what it was given for (a repair application, a licence file number), or null
     * @param departmentCode the department it was given to, or null for the credit office
     * @param due            the day by which it must be performed, or null for none
     */
    @Transactional
    public Commitment sign(UUID subjectId, CommitmentKind kind, String text, String reference, String departmentCode,
                           LocalDate due, String signedBy) {
        if (text == null || text.isBlank() || text.length() > 10_000) {
            throw new CodedProblem("COMMITMENT_TEXT", DomainProblem.Kind.INVALID_INPUT, "承诺内容不能为空（不超过一万字）");
        }
        // Under the subject the signer is now: the caller found them before (a citizen signed in, a repair filed at
        // the window), and a join approved since has moved the joined subject's commitments already (98号 三(一)).
        Commitment c = signed(subjects.keptSubjectHoldingJoins(subjectId), kind, text, reference, departmentCode, due,
                signedBy);
        store.insert(c);
        audit.record(signing(c));
        return c;
    }

    private Commitment signed(UUID subjectId, CommitmentKind kind, String text, String reference,
                              String departmentCode, LocalDate due, String signedBy) {
        return new Commitment(Ids.newId(), subjectId, kind, text, sm3(text), reference, departmentCode, due,
                signedBy, clock.instant(), cn.chengxin.commitment.domain.CommitmentStatus.IN_FORCE, null, null, null);
    }

    private AuditEntry signing(Commitment c) {
        return AuditEntry.of(AuditCategory.PROCESSING, "commitment.sign")
                .subject(subjects.pseudonymOf(c.subjectId()).orElseThrow()).detail(AuditDetail.of("COMMITMENT_SIGNED")
                        .withLabel("kind", kindKey(c.kind())).with("digest", c.digest()));
    }

    /**
     * A department records a commitment the subject signed at its window (告知承诺, 容缺受理, on hiring), naming the
     * subject by identity number; the department is the calling client's. Refused (COMMITMENT_OUTSIDE_REMIT) when
     * the department may not supply the records the commitment ends in — a breach, and when it has a due date the
     * kept record — as collection would refuse them (ITEM_OUTSIDE_REMIT) long after the subject signed; and
     * (COMMITMENT_SUBJECT_TYPE) when those items are about another type of subject (a person's items, an
     * organisation's credit code: SUBJECT_TYPE_MISMATCH).
     *
     * @param documentType the type of a passport or travel-permit holder's number (code or Chinese label,
     *                     {@link DocumentType#named}); null or blank: a resident identity number or a credit code,
     *                     inferred
     */
    public Commitment recordAtDepartment(String subjectNumber, String documentType, CommitmentKind kind, String text,
                                         String reference, LocalDate due) {
        return recordAtDepartment(subjectNumber, documentType, kind, text, reference, due, null).commitment();
    }

    /** A commitment as recorded: new, or {@code replayed}, the one recorded before for the same request. */
    public record Recorded(Commitment commitment, boolean replayed) {
    }

    /**
     * As {@link #recordAtDepartment(String, String, CommitmentKind, String, String, LocalDate)}, sent again safely
     * (gaps review xxxiii N11; issue #8: a commitment signed once is one record, not two records at its due date).
     * A request under an Idempotency-Key ({@code retry}, null for none) the calling client sent within
     * {@link IdempotencyKey#KEPT} is answered with the commitment it recorded, before any check (the due date may
     * have passed since); another request under it is refused 409 IDEMPOTENCY_KEY_CONFLICT. A commitment with a
     * reference is one per department, subject and reference (V366): sent again, it is the commitment recorded
     * before when its kind, text and due date are the same, and is refused 409 COMMITMENT_REFERENCE_CONFLICT when
     * they differ. Both hold for two requests at once: the key and the reference are claimed by unique keys in the
     * commitment's transaction, and the second request answers the first's commitment. Answered again, a commitment
     * is not audited again: the answer (its id, digest and time) tells the department nothing it did not send.
     */
    public Recorded recordAtDepartment(String subjectNumber, String documentType, CommitmentKind kind, String text,
                                       String reference, LocalDate due, IdempotencyKey retry) {
        String client = AuditLog.currentActor().actorId();
        Optional<Commitment> earlier = retry == null ? Optional.empty() : answeredBefore(client, retry);
        if (earlier.isPresent()) {
            return new Recorded(earlier.get(), true);
        }
        if (kind == null) {
            throw new CodedProblem("COMMITMENT_KIND", DomainProblem.Kind.INVALID_INPUT, "请指明承诺类型");
        }
        // Typed by the department's staff and shown in the subject's file and report (RULES.md §10): the subject is
        // named by the number's own field only.
        TypedText.requireNoIdentityNumber("reference", "事项", reference);
        TypedText.requireNoIdentityNumber("text", "承诺内容", text);
        IdentityDocument document = subjects.validate(DocumentType.named(documentType), subjectNumber);
        UUID subjectId = subjects.find(document)
                .orElseThrow(() -> new CodedProblem("COMMITMENT_SUBJECT_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "平台没有该主体的信用档案"));
        String department = AuditLog.currentActor().departmentCode();
        if (due != null && !due.isAfter(LocalDate.now(clock))) {
            throw new CodedProblem("COMMITMENT_DUE_PAST", DomainProblem.Kind.INVALID_INPUT, "履约期限应晚于今天");
        }
        for (String item : due == null ? List.of(BREACH_ITEM) : List.of(BREACH_ITEM, KEPT_ITEM)) {
            // Collection takes the item from the department only while it is active and names the department.
            var definition = catalogue.active(item).map(i -> i.definition())
                    .filter(d -> d.providers().contains(department))
                    .orElseThrow(() -> new CodedProblem("COMMITMENT_OUTSIDE_REMIT", DomainProblem.Kind.FORBIDDEN,
                            "本部门（" + department + "）不是目录事项 " + item + " 的提供单位：不能登记由本部门报告违诺或履约的信用承诺"));
            SubjectType takes = definition.subjectType();
            if ((takes == SubjectType.PERSON) != (document.subjectKind() == SubjectKind.PERSON)) {
                throw new CodedProblem("COMMITMENT_SUBJECT_TYPE", DomainProblem.Kind.INVALID_INPUT, "目录事项 " + item
                        + " 的主体应为" + takes.label() + "：不能为该主体登记信用承诺");
            }
        }
        Optional<Commitment> same = reference == null || reference.isBlank() ? Optional.empty()
                : sameReference(department, subjectId, kind, text, reference, due);
        if (same.isPresent()) {
            return new Recorded(same.get(), true);
        }
        String bound = reference == null || reference.isBlank() ? null : reference;
        Commitment c;
        try {
            c = transactions.execute(tx -> {
                // The subject was found before this transaction: a join approved since moved the joined subject's
                // commitments already, so this one is the kept subject's, and one approving now waits for it (98号
                // 三(一); RULES.md §1).
                Commitment held = signed(subjects.keptSubjectHoldingJoins(subjectId), kind, text, bound, department,
                        due, "本人向" + department + "作出");
                // The key first: a second request with it waits here for the first and answers its commitment.
                if (retry != null && !requestKeys.claim(client, retry, held.id().toString())) {
                    throw new Taken();
                }
                if (!store.insertBound(held)) {
                    throw new Taken();
                }
                audit.record(signing(held));
                return held;
            });
        } catch (Taken taken) {
            return new Recorded((retry == null ? Optional.<Commitment>empty() : answeredBefore(client, retry))
                    .or(() -> transactions.execute(tx -> sameReference(department,
                            subjects.keptSubjectHoldingJoins(subjectId), kind, text, bound, due))).orElseThrow(),
                    true);
        }
        return new Recorded(c, false);
    }

    private Optional<Commitment> answeredBefore(String client, IdempotencyKey retry) {
        return requestKeys.answer(client, retry).map(id -> find(UUID.fromString(id)));
    }

    /**
     * The commitment the department recorded for the subject under the reference; refused when it is not this one
     * (another kind, text or due date).
     */
    private Optional<Commitment> sameReference(String department, UUID subjectId, CommitmentKind kind, String text,
                                               String reference, LocalDate due) {
        return store.byReference(department, subjectId, reference).map(c -> {
            if (c.kind() != kind || !c.digest().equals(sm3(text)) || !java.util.Objects.equals(c.due(), due)) {
                throw new CodedProblem("COMMITMENT_REFERENCE_CONFLICT", DomainProblem.Kind.CONFLICT,
                        "本部门已为该主体以同一事项登记了内容不同的信用承诺：如是另一份承诺，请在事项中写明其文号或日期以示区别");
            }
            return c;
        });
    }

    /** The key or the reference was claimed by another request meanwhile: its commitment is the answer. */
    private static final class Taken extends RuntimeException {

        Taken() {
            super("Idempotency-Key or reference taken", null, false, false);
        }
    }

    public Commitment find(UUID id) {
        return store.find(id).orElseThrow(Commitments::unknown);
    }

    private static CodedProblem unknown() {
        return new CodedProblem("COMMITMENT_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这份信用承诺");
    }

    /** Many commitments at once, by id (absent: unknown). */
    public Map<UUID, Commitment> find(java.util.Collection<UUID> ids) {
        Map<UUID, Commitment> found = new java.util.HashMap<>();
        store.findAll(ids).forEach(c -> found.put(c.id(), c));
        return found;
    }

    public List<Commitment> of(UUID subjectId) {
        return store.ofSubject(subjectId);
    }

    /**
     * The latest commitments given to a department (all departments: null). The credit office's include those signed
     * with no department (repair commitments): they are given to it, and it alone reports their breach.
     */
    public List<Commitment> recent(String departmentCode) {
        return store.recent(departmentCode, PLATFORM_DEPARTMENT, 200);
    }

    /**
     * The commitments given to a department (all: null) whose record collection refused, latest first: they owe
     * nothing more, so only the department can correct the record and submit it by hand (RULES.md §10).
     */
    public List<Commitment> recordRefused(String departmentCode) {
        return store.recordRefused(departmentCode, PLATFORM_DEPARTMENT, 200);
    }

    /** A subject as a department's list of commitments shows it: a person's name masked, and the document's type. */
    public record ListedSubject(String maskedName, DocumentType documentType) {
    }

    /**
     * The subjects of the commitments, as their department's list shows them (RULES.md §10: masked on every screen),
     * by subject id; the text and the subject are seen only through {@link #look}.
     */
    public Map<UUID, ListedSubject> listedSubjects(java.util.Collection<Commitment> listed) {
        Map<UUID, ListedSubject> shown = new java.util.HashMap<>();
        subjects.namesOf(listed.stream().map(Commitment::subjectId).distinct().toList())
                .forEach((id, named) -> shown.put(id, new ListedSubject(named.documentType().kind() == SubjectKind.PERSON
                        ? Masking.personName(named.name()) : named.name(), named.documentType())));
        return shown;
    }

    /**
     * A commitment given to the department, as its list shows it; another department's is refused
     * (COMMITMENT_OTHER_DEPARTMENT), as its breach is.
     */
    public Commitment ofDepartment(UUID id, String departmentCode) {
        Commitment c = find(id);
        if (!givenTo(c).equals(departmentCode)) {
            throw new CodedProblem("COMMITMENT_OTHER_DEPARTMENT", DomainProblem.Kind.FORBIDDEN,
                    "该承诺是向其他部门作出的，只能由受诺部门查看");
        }
        return c;
    }

    /**
     * A department's staff look at the text a subject signed: with the purpose they give, audited before it is shown
     * (RULES.md §9: staff queries logged with their purpose; the subject sees the look in 谁查询了我), as a look-up
     * of the credit file is.
     */
    public Commitment look(UUID id, String departmentCode, StaffQueryPurpose purpose) {
        Commitment c = ofDepartment(id, departmentCode);
        audit.record(AuditEntry.of(AuditCategory.QUERY, "commitment.view")
                .subject(subjects.pseudonymOf(c.subjectId()).orElseThrow())
                .purpose(purpose.label(), purpose.legalBasis()).detail(ofKind(c)));
        return c;
    }

    /** Whether the stored text is still the text that was signed. */
    public boolean intact(Commitment c) {
        return sm3(c.text()).equals(c.digest());
    }

    /**
     * A department reports that the subject broke the commitment (违诺): the commitment is marked breached (once, even
     * when reported twice at once), its record owed, and a negative record is submitted in the department's name.
     * Taken, the breach owes nothing more, marked so with its audit event in one transaction; refused like any row
     * that does not validate, the mark is taken back and the refusal's code answered. Not one transaction with
     * collection, which commits in its own chunks: a breach whose submission failed (or was cut by a crash), or whose
     * audit event could not be stored, stays owed, answered COMMITMENT_BREACH_OWED, and {@link #settleDue} submits it
     * again — collection may have taken it before failing, and a second delivery is a duplicate. Only the
     * department the commitment was given to reports it: a commitment given to the credit office (a repair
     * commitment, signed with no department) by the credit office alone, as the record is published in its name.
     */
    public BatchResult reportBreach(UUID id, String departmentCode, String decisionNumber, LocalDate decisionDate,
                                    String facts) {
        Commitment c = find(id);
        if (!givenTo(c).equals(departmentCode)) {
            // Answered as a commitment that does not exist, as every API answers another department's check, lift,
            // batch or report (gaps review xxxvii R5: "not yours" is one status, 404, and tells nobody the id
            // exists); the audit log keeps why it was refused.
            auditRefused(c, "commitment.breach", "COMMITMENT_OTHER_DEPARTMENT");
            throw unknown();
        }
        String text = facts == null ? "" : facts.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new CodedProblem("COMMITMENT_BREACH_FACTS", DomainProblem.Kind.INVALID_INPUT,
                    "请写明违诺事实（不超过 2000 字）");
        }
        // Kept with the commitment and in the record's content, shown in the subject's file and report (RULES.md
        // §10): the subject is named by the commitment already.
        TypedText.requireNoIdentityNumber("facts", "违诺事实", text);
        Instant reportedAt = clock.instant();
        // The status is checked by the mark itself, so that of two reports at once one marks it and the other is
        // refused, having changed nothing; only then is the refusal known, and audited.
        if (!store.breach(id, text, decisionNumber, decisionDate, AuditLog.currentActor().actorName(), reportedAt)) {
            throw refused(c, new CodedProblem("COMMITMENT_NOT_IN_FORCE", DomainProblem.Kind.CONFLICT,
                    find(id).status() == CommitmentStatus.LAPSED
                            ? "该承诺已失效（所涉信用修复申请未获批准），不能报告违诺"
                            : "该承诺已履约或已报告违诺"));
        }
        BatchResult result;
        try {
            result = submitBreach(c, text, decisionNumber, decisionDate, ":" + reportedAt.toEpochMilli());
        } catch (RuntimeException e) {
            log.warn("Breach of commitment {} not recorded, to be submitted again: {}", id, e.toString());
            throw breachOwed();
        }
        if (taken(result)) {
            if (!breachRecorded(c)) {
                throw breachOwed();
            }
            return result;
        }
        if (result.rejected() == 0) {
            log.warn("Breach of commitment {} not recorded, to be submitted again: {}", id, result.failure());
            throw breachOwed();
        }
        store.unbreach(id);
        var error = result.errors().isEmpty() ? null : result.errors().get(0);
        throw refused(c, new CodedProblem(error == null ? "COMMITMENT_BREACH_REFUSED" : error.code(),
                DomainProblem.Kind.INVALID_INPUT, "违诺信息未被接收：" + (error == null ? "" : error.message())));
    }

    /**
     * A commitment whose purpose ended before it was kept lapses: a repair commitment when its repair is refused
     * (RULES.md §6: the commitment is a condition of the repair, and no repair happened). It is no longer 履约中 in the
     * subject's list, and no breach of it can be reported (RULES.md §2: a breach record needs a commitment in force
     * behind it). Audited about the subject; a commitment no longer in force (kept, breached) is left as it is.
     *
     * @param why what ended its purpose, as audited (e.g. 信用修复申请不予修复)
     */
    public void lapse(UUID id, String why) {
        Commitment c = find(id);
        if (store.lapse(id)) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "commitment.lapse")
                    .subject(subjects.pseudonymOf(c.subjectId()).orElseThrow())
                    .detail(AuditDetail.of("COMMITMENT_LAPSED").withLabel("kind", kindKey(c.kind()))
                            .with("why", why)));
        }
    }

    /**
     * A commitment signed with no term gets its last day once its purpose is fulfilled: a repair commitment when the
     * repair is approved (G11; RULES.md §6: the repaired record's publication would have run until then). The nightly
     * settlement ({@link #settleDue}) keeps it the day after — 已履约, its 信用承诺信息 record owed as any kept
     * commitment's — and from then no breach of it can be reported. Audited about the subject; a commitment that has a
     * due date already or is no longer in force is left as it is.
     */
    public void term(UUID id, LocalDate due) {
        Commitment c = find(id);
        if (store.term(id, due)) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "commitment.term")
                    .subject(subjects.pseudonymOf(c.subjectId()).orElseThrow())
                    .detail(AuditDetail.of("COMMITMENT_TERMED").withLabel("kind", kindKey(c.kind()))
                            .with("due", due)));
        }
    }

    /**
     * A report of a breach refused — by another department, on a commitment no longer in force, or its record by
     * collection — is audited once, with its code, as every operation on a subject's data is (RULES.md §10); it has
     * changed nothing. An audit log that cannot record the refusal answers in its place (AUDIT_UNAVAILABLE).
     */
    private CodedProblem refused(Commitment c, CodedProblem refusal) {
        auditRefused(c, "commitment.breach", refusal.code());
        return refusal;
    }

    private static CodedProblem breachOwed() {
        return new BreachOwed();
    }

    /**
     * The breach is registered, its record owed: the platform submits it again in its daily run, and a report sent
     * again would be refused (COMMITMENT_NOT_IN_FORCE). Not a refusal of the moment, so never a 503 (gaps review xxxvii
     * R9): the API answers it 202 Accepted, the work left to the platform, its {@code retry} {@code never}; elsewhere
     * it is a conflict with the commitment's state.
     */
    public static final class BreachOwed extends CodedProblem {

        public static final String CODE = "COMMITMENT_BREACH_OWED";

        BreachOwed() {
            super(CODE, DomainProblem.Kind.CONFLICT,
                    "违诺已登记，但违诺信息暂未被归集接收：平台将在每日结算时自动重新报送，无需再次报告");
        }
    }

    /**
     * The breach's record was taken: the commitment is marked breached, owing nothing more, in the transaction of its
     * audit event (RULES.md §10: every operation traceable). An event the audit log cannot store leaves the breach
     * owed: the next run submits it again, a duplicate collection answers as taken, and marks it then.
     *
     * @return false when nothing was marked (the audit log refused the event)
     */
    private boolean breachRecorded(Commitment c) {
        return audited(c, "commitment.breach", JdbcCommitments.BREACH_RECORDED);
    }

    /** The kept commitment's record was taken: marked kept with its audit event, as a breach is. */
    private boolean keptRecorded(Commitment c) {
        return audited(c, "commitment.kept", JdbcCommitments.KEPT_RECORDED);
    }

    private boolean audited(Commitment c, String action, AuditedRows<UUID> mark) {
        try {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, action)
                    .subject(subjects.pseudonymOf(c.subjectId()).orElseThrow()).detail(ofKind(c)), mark, c.id());
            return true;
        } catch (AuditUnavailableException e) {
            log.warn("Commitment {} still owes its record's mark ({}), the audit log refused the event: {}", c.id(),
                    action, e.toString());
            return false;
        }
    }

    /**
     * @param attempt tells one report's batch from another's (a breach refused and reported again is a new batch),
     *                and a run's retry from the report's
     */
    private BatchResult submitBreach(Commitment c, String facts, String decisionNumber, LocalDate decisionDate,
                                     String attempt) {
        return submit(c, givenTo(c), "BREACH", attempt, BREACH_ITEM, decisionNumber, decisionDate,
                Map.of("commitment", c.kind().label() + "：" + abbreviate(c.text()), "facts", facts));
    }

    /** Collection holds the one record: stored now, or by an earlier delivery. */
    private static boolean taken(BatchResult result) {
        return result.accepted() + result.duplicates() == 1;
    }

    /**
     * Commitments whose due date has passed without a breach are kept; each becomes a 信用承诺信息 record. Marking and
     * collection cannot share a transaction (collection commits in its own chunks), so a kept commitment owes its
     * record until collection takes it: every run submits again what is owed — after a crash between the two steps or
     * a failure — in a batch of the day, and the record's own key makes a second delivery a duplicate. A refusal
     * ends the owing (warned and audited with its code, kept with the commitment for its pages and its department's
     * list): the row would be refused again every night.
     * A reported breach whose record is owed is submitted again the same way; refused, it stays breached with no
     * record (warned, audited and kept with the refusal's code): the department was told not to report it again, and a
     * commitment taken back would be kept once due.
     *
     * @return how many commitments were kept by this run
     */
    public int settleDue(LocalDate today) {
        return settleDue(today, OWED_PAGE);
    }

    /**
     * Gaps review xlii W7: every owed record is submitted in a run, a page at a time (it was the first 1,000: 30,000
     * commitments due on one day took a month, and 1,000 whose submission kept failing held every later one back for
     * good), until none is left or {@link #SETTLING_BUDGET} has passed (the next night goes on).
     */
    int settleDue(LocalDate today, int page) {
        int kept = store.keepDue(today);
        Instant until = clock.instant().plus(SETTLING_BUDGET);
        List<Commitment> owed;
        Commitment after = null;
        do {
            owed = store.recordOwed(after, page);
            owed.forEach(c -> recordKept(c, today));
            after = owed.isEmpty() ? after : owed.get(owed.size() - 1);
        } while (owed.size() == page && clock.instant().isBefore(until));
        List<JdbcCommitments.OwedBreach> breaches;
        after = null;
        do {
            breaches = store.breachesOwed(after, page);
            breaches.forEach(b -> resubmitBreach(b, today));
            after = breaches.isEmpty() ? after : breaches.get(breaches.size() - 1).commitment();
            // A breach with no report time sorts last and cannot be paged after: the next run takes those.
        } while (breaches.size() == page && after.breachReportedAt() != null && clock.instant().isBefore(until));
        return kept;
    }

    private void recordKept(Commitment c, LocalDate today) {
        BatchResult result;
        try {
            result = submit(c, givenTo(c), "KEPT", ":" + today, KEPT_ITEM,
                    "承诺-" + c.id().toString().substring(0, 8), c.due(),
                    Map.of("kind", c.kind().label(), "content", abbreviate(c.text()), "due", c.due().toString()));
        } catch (RuntimeException e) {
            // Still owed, so submitted again on the next run; the others are not held up by this one.
            log.warn("Kept commitment {} not recorded, to be submitted again: {}", c.id(), e.toString());
            return;
        }
        if (taken(result)) {
            keptRecorded(c);
        } else if (result.rejected() > 0) {
            keptRecordRefused(c, result);
        } else {
            log.warn("Kept commitment {} not recorded, to be submitted again: {}", c.id(), result.failure());
        }
    }

    /**
     * A refusal is not a failure: the same row is refused every night, and the oldest owed, taken first, would hold
     * back every later one. The commitment is kept with no record, as before its record was owed.
     */
    private void keptRecordRefused(Commitment c, BatchResult result) {
        String code = refusalCode(result);
        store.keptRecordRefused(c.id(), code);
        log.warn("Kept commitment {} not recorded, its record refused: {}", c.id(), code);
        auditRefused(c, "commitment.kept.refused", code);
    }

    private void resubmitBreach(JdbcCommitments.OwedBreach owed, LocalDate today) {
        Commitment c = owed.commitment();
        BatchResult result;
        try {
            result = submitBreach(c, c.breachFacts(), owed.decisionNumber(), owed.decisionDate(),
                    ":" + c.breachReportedAt().toEpochMilli() + ":" + today);
        } catch (RuntimeException e) {
            log.warn("Breach of commitment {} not recorded, to be submitted again: {}", c.id(), e.toString());
            return;
        }
        if (taken(result)) {
            breachRecorded(c);
        } else if (result.rejected() > 0) {
            // Taken back, it would be kept once due and earn a positive record, though the department was told its
            // report needs no repeating: the breach stands, only its record was refused.
            String code = refusalCode(result);
            store.breachRecordRefused(c.id(), code);
            log.warn("Breach of commitment {} stands, its record refused: {}", c.id(), code);
            auditRefused(c, "commitment.breach.refused", code);
        } else {
            log.warn("Breach of commitment {} not recorded, to be submitted again: {}", c.id(), result.failure());
        }
    }

    private void auditRefused(Commitment c, String action, String code) {
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, action)
                .subject(subjects.pseudonymOf(c.subjectId()).orElseThrow()).result(AuditResult.DENIED)
                .detail(AuditDetail.of("COMMITMENT_RECORD_REFUSED").withLabel("kind", kindKey(c.kind()))
                        .with("problem", code)));
    }

    /** The detail naming only the commitment's kind, in the auditor's language (K7). */
    private static AuditDetail ofKind(Commitment c) {
        return AuditDetail.of("COMMITMENT_OF_KIND").withLabel("kind", kindKey(c.kind()));
    }

    private static String kindKey(CommitmentKind kind) {
        return "commitments.kind." + kind.name();
    }

    /** The code collection refused the one row with, as audited and logged (the row's message may quote input). */
    private static String refusalCode(BatchResult result) {
        return result.errors().isEmpty() ? "REFUSED" : result.errors().get(0).code();
    }

    @Scheduled(cron = "${chengxin.commitment.settle-cron:0 20 0 * * *}", zone = "Asia/Shanghai")
    void daily() {
        log.info("Commitments kept to their due date: {}", settleDue(LocalDate.now(clock)));
    }

    /** The department the commitment was given to, in whose name its records are made: null is the credit office. */
    private static String givenTo(Commitment c) {
        return c.departmentCode() == null ? PLATFORM_DEPARTMENT : c.departmentCode();
    }

    /**
     * One record in a batch whose id follows from the commitment, so that a retry stores nothing twice. The row names
     * the subject's document type with the number (RULES.md §1): a passport's or a travel permit's number is not
     * recognised from its shape, and the same number of another type is another person's.
     *
     * @param attempt tells one attempt's batch from another's (empty: one batch for every attempt); a batch sent
     *                again answers with its first result, so a refused or failed one is retried in a new batch
     */
    private BatchResult submit(Commitment c, String department, String what, String attempt, String item,
                               String decisionNumber, LocalDate decisionDate, Map<String, String> fields) {
        SubjectProfile profile = subjects.profile(c.subjectId()).orElseThrow();
        IdentityDocument document = subjects.revealNumber(c.subjectId()).orElseThrow();
        IncomingRecord row = new IncomingRecord(item, document.number(), profile.name(),
                "COMMITMENT-" + what + "-" + c.id(), "1", "ADD", decisionNumber,
                decisionDate == null ? null : decisionDate.toString(), fields, document.type().name());
        UUID batch = UUID.nameUUIDFromBytes(("commitment:" + what + ":" + c.id() + attempt)
                .getBytes(StandardCharsets.UTF_8));
        return submissions.submit(batch, department, List.of(row));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
    }

    private static String sm3(String text) {
        SM3Digest digest = new SM3Digest();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
