package cn.chengxin.objection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.account.CaseRecusal;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordProceedings;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.exchange.ReceivedEntries;
import cn.chengxin.exchange.ReceivedEntry;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import cn.chengxin.objection.domain.DepartmentAnswer;
import cn.chengxin.objection.domain.Evidence;
import cn.chengxin.objection.domain.RoutedEvidenceWindow;
import cn.chengxin.objection.domain.ObjectionDeadlines;
import cn.chengxin.objection.domain.ObjectionPause;
import cn.chengxin.objection.domain.ObjectionStatus;
import cn.chengxin.objection.domain.Omission;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.objection.domain.RepeatFilingLimit;
import cn.chengxin.objection.persistence.JdbcObjections;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.CountedPage;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.EarlierReceipt;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.calendar.DeadlineRecount;
import cn.chengxin.shared.calendar.WorkingCalendar;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.files.ImageMetadata;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.shared.privacy.IdentityRedaction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 异议处理 (RULES.md §5): filing marks the record 异议中 at once — in the file, reports, checks and lists; the credit
 * office decides within 3 working days, or routes the case to the providing department, which answers within 3,
 * and decides within 7; the outcome changes the record (deleted, display stopped, or restored) and the list entries
 * resting on it, and clears the marks — or, decided as 更正 or 补充, keeps them until the department delivers the
 * corrected version ({@link Outcome}). A second objection to a record already contested is merged
 * into the open one; a first objection is always recorded, and one account files at most
 * {@link RepeatFilingLimit#PER_DAY} repeats a day ({@link RepeatFilingLimit}).
 */
@Service
public class Objections {

    private static final Set<RecordStatus> SHOWN = EnumSet.of(RecordStatus.ACTIVE);

    private final JdbcObjections store;
    private final CreditFile creditFile;
    private final Listing listing;
    private final SubjectRegistry subjects;
    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectionNotices notices;
    private final RecordProceedings proceedings;
    private final Catalogue catalogue;
    private final ObjectionDeadlines deadlines;
    private final ReceivedEntries receivedEntries;
    private final CaseRecusal recusal;

    Objections(JdbcObjections store, CreditFile creditFile, Listing listing, SubjectRegistry subjects,
               WorkingDays workingDays, AuditLog audit, Clock clock, ObjectionNotices notices,
               RecordProceedings proceedings, Catalogue catalogue, ObjectionSettings settings,
               ReceivedEntries receivedEntries, CaseRecusal recusal) {
        this.recusal = recusal;
        this.receivedEntries = receivedEntries;
        this.deadlines = settings.deadlines();
        this.notices = notices;
        this.catalogue = catalogue;
        this.proceedings = proceedings;
        this.store = store;
        this.creditFile = creditFile;
        this.listing = listing;
        this.subjects = subjects;
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
    }

    /** The configured deadlines (RULES.md §5), which the pages state as they are. */
    public ObjectionDeadlines deadlines() {
        return deadlines;
    }

    /** An uploaded file, as the web layer read it (at most one byte over the limit, so that size is known). */
    public record Upload(String filename, byte[] content) {
    }

    /** Files (or merges) an objection without attachments (its own transaction: a call on this object skips the proxy). */
    @Transactional
    public UUID file(UUID subjectId, UUID recordKey, String reasons, String filedBy) {
        return file(subjectId, recordKey, reasons, filedBy, List.of());
    }

    /**
     * Files (or merges) an objection to one of the subject's shown records, with its evidence (every file checked
     * before anything is stored); returns the open objection's id.
     */
    @Transactional
    public UUID file(UUID subjectId, UUID recordKey, String reasons, String filedBy, List<Upload> evidence) {
        return fileOnRecord(subjectId, recordKey, reasons, filedBy, evidence, null);
    }

    /** {@link #file}, received on {@code earlier}'s day in the old system when it is not null (review X7). */
    private UUID fileOnRecord(UUID found, UUID recordKey, String reasons, String filedBy, List<Upload> evidence,
                              EarlierReceipt earlier) {
        UUID subjectId = heldThroughJoins(found);
        List<String> types = checked(evidence);
        String text = checkedReasons(reasons);
        // First (gaps review xxxviii S8): the tick activating an entry on this record meets the filing on the record's
        // row and waits for it, then finds the entry disputed; or it took effect before the filing began.
        creditFile.lockRecord(subjectId, recordKey, false);
        FileEntry record = creditFile.record(subjectId, recordKey).filter(e -> e.status().shown())
                .orElseThrow(() -> problem("OBJECTION_RECORD_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "您的信用档案中没有这条正在展示的记录"));
        Optional<Objection> open = store.open(recordKey);
        Instant now = requireWithinRate(open.isPresent());
        String heading = repeatHeading(open, text);
        boolean first = store.insertOrMerge(received(subjectId, recordKey, null, record.itemCode(),
                record.departmentCode(), text, filedBy, now, receivedOn(earlier, now),
                earlier == null ? null : earlier.reference()), heading);
        if (first) {
            if (!creditFile.changeStatus(subjectId, recordKey, SHOWN, RecordStatus.IN_DISPUTE, filedBy,
                    "异议受理，标注异议中") && !stillDisputed(subjectId, recordKey)) {
                // It stopped showing since it was read (its department revoked it, say): a case on it would stay
                // open without the mark RULES.md §5 wants wherever the record shows. Nothing is filed.
                throw problem("OBJECTION_RECORD_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "您的信用档案中没有这条正在展示的记录");
            }
            listing.markDisputed(subjectId, recordKey, true);
        }
        UUID id = attach(store.open(recordKey).orElseThrow(), first, evidence, types, now,
                AuditDetail.of("OBJECTION_ON_RECORD").with("item", record.itemCode())
                        .with("decision", record.decisionNumber()));
        auditEarlierReceipt(subjectId, first, earlier);
        return id;
    }

    /**
     * Files (or merges) an objection to a list entry about the subject that is still open (RULES.md §5: a record or a
     * list entry) — e.g. one the credit office made without a record behind it. The entry is marked 异议中 at once;
     * another person's entry, or one already ended, is unknown.
     */
    @Transactional
    public UUID fileAgainstEntry(UUID found, UUID entryId, String reasons, String filedBy, List<Upload> evidence) {
        UUID subjectId = heldThroughJoins(found);
        List<String> types = checked(evidence);
        String text = checkedReasons(reasons);
        // Past its last day an entry is no longer listed though the night's job has not exited it yet: refused as one
        // exited, since neither is shown or applied anywhere (RULES.md §4, §7).
        LocalDate today = LocalDate.now(clock);
        ListEntry entry = listing.entriesOf(subjectId).stream()
                .filter(e -> e.id().equals(entryId) && !ended(e, today)).findFirst()
                .orElseThrow(() -> problem("OBJECTION_ENTRY_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "您没有这个正在名单上的条目"));
        // First (gaps review xxxviii S8): the tick activating the entry meets the filing on its row, and finds it disputed.
        listing.markEntryDisputed(entryId, true);
        Optional<Objection> open = store.openOnEntry(entryId);
        Instant now = requireWithinRate(open.isPresent());
        String department = entry.departmentCode() == null ? "CREDIT_OFFICE" : entry.departmentCode();
        String heading = repeatHeading(open, text);
        boolean first = store.insertOrMerge(received(subjectId, null, entryId, "LIST_" + entry.listType().name(),
                department, text, filedBy, now, LocalDate.ofInstant(now, clock.getZone()), null), heading);
        return attach(store.openOnEntry(entryId).orElseThrow(), first, evidence, types, now,
                AuditDetail.of("OBJECTION_ON_ENTRY").withLabel("list", "lists.type." + entry.listType().name())
                        .with("entry", entryId));
    }

    /**
     * Files (or merges) an objection to a list entry another platform issued about the subject, or the court's list
     * loaded here, still in force here (RULES.md §5, §11: it binds the person here, so they may object here). The case
     * is recorded here and the entry marked 异议中 at once — checks show it disputed — and it is forwarded (转办) to
     * the issuing platform, which alone can change or remove the entry: the case names it as its department, and the
     * forwarding is recorded. Not an exchange message: the wire carries the state of records and entries, applied by
     * version, to partners; an objection is a request to one issuer, which may be no partner (relayed by the parent)
     * or no platform at all (the court's list, corrected through the court, 法释〔2017〕7号 第十二条).
     */
    @Transactional
    public UUID fileAgainstReceived(UUID subjectId, String key, String reasons, String filedBy,
                                    List<Upload> evidence) {
        return fileAgainstReceived(subjectId, key, reasons, filedBy, evidence, null);
    }

    /** {@link #fileAgainstReceived}, received on {@code earlier}'s day in the old system when not null (review X7). */
    private UUID fileAgainstReceived(UUID found, String key, String reasons, String filedBy,
                                     List<Upload> evidence, EarlierReceipt earlier) {
        UUID subjectId = heldThroughJoins(found);
        List<String> types = checked(evidence);
        String text = checkedReasons(reasons);
        String pseudonym = subjects.pseudonymOf(subjectId).orElseThrow();
        ReceivedEntry entry = receivedEntries.inForce(pseudonym, key == null ? "" : key)
                .orElseThrow(() -> problem("OBJECTION_ENTRY_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "您没有这个正在名单上的条目"));
        Optional<Objection> open = store.openOnReceived(entry.key());
        Instant now = requireWithinRate(open.isPresent());
        String heading = repeatHeading(open, text);
        LocalDate today = receivedOn(earlier, now);
        boolean first = store.insertOrMerge(new Objection(Ids.newId(), subjectId, null, "LIST_" + entry.listType(),
                entry.sourcePlatform(), text, filedBy, now, 0, ObjectionStatus.RECEIVED,
                deadlines.platformDue(workingDays.calendar(), today), null, null, null, null, null, null, 0, null,
                today, null, null, null, null, entry.key(), null,
                earlier == null ? null : earlier.reference()), heading);
        if (first) {
            receivedEntries.markObjected(entry.key(), true);
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.forward").subject(pseudonym)
                    .detail(AuditDetail.of("OBJECTION_FORWARDED").with("platform", entry.issuingPlatform())
                            .with("source", entry.sourcePlatform()).withLabel("list", "lists.type." + entry.listType())
                            .with("entry", entry.key())));
        }
        UUID id = attach(store.openOnReceived(entry.key()).orElseThrow(), first, evidence, types, now,
                AuditDetail.of("OBJECTION_ON_RECEIVED").withLabel("list", "lists.type." + entry.listType())
                        .with("entry", entry.key()).with("platform", entry.sourcePlatform()));
        auditEarlierReceipt(subjectId, first, earlier);
        return id;
    }

    /**
     * The subject a case is filed under: the one a join approved since {@code found} was found kept (a citizen signed in
     * before, a number resolved at the window before the record was read), else {@code found}. First in the filing's
     * transaction: joins are held off until it ends, so that a join approving meanwhile waits and moves the case with
     * the joined subject's records, and none stays under the retired id (98号 三(一); RULES.md §1, §5).
     */
    private UUID heldThroughJoins(UUID found) {
        return subjects.keptSubjectHoldingJoins(found);
    }

    /**
     * A new case received on {@code receivedOn}: its deadline counted from that day (RULES.md §5, "from receipt") —
     * today, or the day the old system received it, whose case number there it keeps (review X7).
     */
    private Objection received(UUID subjectId, UUID recordKey, UUID entryId, String itemCode, String departmentCode,
                               String reasons, String filedBy, Instant now, LocalDate receivedOn,
                               String earlierReference) {
        return new Objection(Ids.newId(), subjectId, recordKey, itemCode, departmentCode, reasons, filedBy, now, 0,
                ObjectionStatus.RECEIVED, deadlines.platformDue(workingDays.calendar(), receivedOn), null, null, null,
                null, null, null, 0, null, receivedOn, null, null, null, entryId, null, null, earlierReference);
    }

    /** The day a case filed at {@code now} was received: the old system's day when given, else today. */
    private LocalDate receivedOn(EarlierReceipt earlier, Instant now) {
        return earlier != null ? earlier.receivedOn() : LocalDate.ofInstant(now, clock.getZone());
    }

    /**
     * Records that a new case counts its deadlines from the old system's day of receipt, with that day and the old case
     * number (review X7). A filing merged into a case open here keeps that case's day: nothing is recorded.
     */
    private void auditEarlierReceipt(UUID subjectId, boolean first, EarlierReceipt earlier) {
        if (first && earlier != null) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.earlier-receipt")
                    .subject(subjects.pseudonymOf(subjectId).orElseThrow())
                    .detail(AuditDetail.of("OBJECTION_EARLIER_RECEIPT").with("receivedOn", earlier.receivedOn())
                            .with("reference", earlier.reference())));
        }
    }

    /**
     * Files (or merges) an objection that a record is missing from the subject's file (信息遗漏; RULES.md §5: outcomes
     * include "supplement (omission)"; K8 of gaps-review-xxix): it names an item of the catalogue in force for the
     * subject's kind, one of the departments that provide it, and what is missing ({@link Omission}). Nothing is marked:
     * no record is there. The case runs as any other — received, routed to the department, the same deadlines — and
     * ends as 补充 once the department submitted the record, or as 维持 with reasons. A second filing on the same item
     * and department while one is open is merged into it, its missing text added to its reasons when it differs.
     */
    @Transactional
    public UUID fileOmission(UUID subjectId, String itemCode, String departmentCode, String missing,
                             String decisionNumber, LocalDate decidedOn, String reasons, String filedBy,
                             List<Upload> evidence) {
        subjectId = heldThroughJoins(subjectId);
        List<String> types = checked(evidence);
        Omission omission = Omission.of(missing, decisionNumber, decidedOn, LocalDate.now(clock));
        String text = checkedReasons(reasons);
        var kind = subjects.profile(subjectId).orElseThrow().kind();
        CatalogueItem item = catalogue.active(itemCode == null ? "" : itemCode)
                .filter(i -> i.definition().subjectType().name().equals(kind.name()))
                .orElseThrow(() -> problem("OBJECTION_OMISSION_ITEM", DomainProblem.Kind.INVALID_INPUT,
                        "请选择信用信息目录中适用于该主体的信息事项"));
        if (departmentCode == null || !item.definition().providers().contains(departmentCode)) {
            throw problem("OBJECTION_OMISSION_DEPARTMENT", DomainProblem.Kind.INVALID_INPUT,
                    "请选择负责提供该事项信息的单位");
        }
        Optional<Objection> open = store.openOmission(subjectId, item.code(), departmentCode);
        if (open.isPresent() && !open.get().omission().missing().equals(omission.missing())) {
            text = text + "\n遗漏的信息：" + omission.missing();
        }
        Instant now = requireWithinRate(open.isPresent());
        String heading = repeatHeading(open, text);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        boolean first = store.insertOrMerge(new Objection(Ids.newId(), subjectId, null, item.code(), departmentCode,
                text, filedBy, now, 0, ObjectionStatus.RECEIVED, deadlines.platformDue(workingDays.calendar(), today),
                null, null, null, null, null, null, 0, null, today, null, null, null, null, null, omission, null), heading);
        return attach(store.openOmission(subjectId, item.code(), departmentCode).orElseThrow(), first, evidence,
                types, now, AuditDetail.of("OBJECTION_ON_OMISSION").with("item", item.code())
                        .with("department", departmentCode));
    }

    /**
     * What an omission (信息遗漏) may name: each item of the catalogue in force for subjects of {@code subjectKind}
     * ({@code PERSON}, {@code ORGANISATION}; null: both) with each department that provides it, by item then department.
     */
    public List<OmissionChoice> omissionChoices(String subjectKind) {
        Map<String, String> departments = catalogue.departments();
        return catalogue.active().stream()
                .filter(i -> subjectKind == null || i.definition().subjectType().name().equals(subjectKind))
                .sorted(java.util.Comparator.comparing(CatalogueItem::code))
                .flatMap(i -> i.definition().providers().stream().map(d -> new OmissionChoice(i.code(),
                        i.definition().name(), d, departments.getOrDefault(d, d))))
                .toList();
    }

    /** An item and a department providing it, as the omission forms offer them: {@link #value()} is posted. */
    public record OmissionChoice(String itemCode, String itemName, String departmentCode, String departmentName) {

        public String value() {
            return itemCode + ":" + departmentCode;
        }

        /** The item code of a posted {@link #value()} (null for none). */
        public static String itemOf(String value) {
            return value == null || value.indexOf(':') < 0 ? value : value.substring(0, value.indexOf(':'));
        }

        /** The department code of a posted {@link #value()} (null when it names none). */
        public static String departmentOf(String value) {
            return value == null || value.indexOf(':') < 0 ? null : value.substring(value.indexOf(':') + 1);
        }
    }

    /**
     * 窗口代办 of an omission (信息遗漏): the subject named by their document, as at {@link #fileAtCounter}; the filing
     * is recorded as made by the staff member for the subject.
     */
    @Transactional
    public UUID fileOmissionAtCounter(String subjectNumber, String documentType, String itemCode,
                                      String departmentCode, String missing, String decisionNumber,
                                      LocalDate decidedOn, String reasons) {
        UUID subjectId = subjectNamed(subjectNumber, documentType);
        return fileOmission(subjectId, itemCode, departmentCode, missing, decisionNumber, decidedOn, reasons,
                "窗口代办：" + AuditLog.currentActor().actorName(), List.of());
    }

    private static List<String> checked(List<Upload> evidence) {
        return evidence.stream().map(u -> Evidence.check(u.filename(), u.content())).toList();
    }

    private static String checkedReasons(String reasons) {
        String text = reasons == null ? "" : reasons.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw problem("OBJECTION_REASONS", DomainProblem.Kind.INVALID_INPUT, "请写明异议理由（不超过 2000 字）");
        }
        // The citizen's own words, kept; an identity number written into them is kept masked (RULES.md §10).
        return IdentityRedaction.redact(text);
    }

    /**
     * A repeat filing on a case still open is merged into it (the platform's practice: RULES.md §5 says nothing of
     * repeats; gaps review xxviii J3, xl U13), its reasons added after the case's own
     * under this heading, so that the office decides on everything the subject said (issue #7: they were dropped).
     * Refused when together they would pass the 2000 characters a case's reasons hold: nothing is dropped silently.
     */
    private String repeatHeading(Optional<Objection> open, String text) {
        String heading = "\n\n〔" + LocalDate.now(clock) + " 再次提出〕";
        if (open.isPresent() && open.get().reasons().length() + heading.length() + text.length() > 2000) {
            throw problem("OBJECTION_REASONS", DomainProblem.Kind.INVALID_INPUT,
                    "该记录已有正在办理的异议，再次提出的理由与已提出的合计不得超过 2000 字，请精简后再提");
        }
        return heading;
    }

    /**
     * The rate limit (issue #8; {@link RepeatFilingLimit}): a first objection to a record or entry always passes; a
     * {@code repeat} on a case already open is refused once the filing account has filed its day's repeats.
     */
    private Instant requireWithinRate(boolean repeat) {
        Instant now = clock.instant();
        String account = RepeatFilingLimit.accountOf(AuditLog.currentActor());
        if (repeat && account != null && RepeatFilingLimit.refused(true, account,
                store.repeatsSince(account, now.minus(RepeatFilingLimit.WINDOW)))) {
            throw problem("OBJECTION_RATE_LIMITED", DomainProblem.Kind.TOO_MANY,
                    "该记录已有正在办理的异议；同一账号 24 小时内最多再次提出 " + RepeatFilingLimit.PER_DAY
                            + " 次，请稍后再提（对其他记录的首次异议不受限制）");
        }
        return now;
    }

    /** Tells the subject of a new case, stores the evidence with the open case and audits the filing. */
    private UUID attach(Objection opened, boolean first, List<Upload> evidence, List<String> types, Instant now,
                        AuditDetail what) {
        UUID open = opened.id();
        if (first) {
            notices.received(opened);
        } else {
            String account = RepeatFilingLimit.accountOf(AuditLog.currentActor());
            if (account != null) {
                store.repeatFiled(account, now, now.minus(RepeatFilingLimit.WINDOW));
            }
        }
        Evidence.requireCount(store.evidenceOf(open).size() + evidence.size());
        for (int i = 0; i < evidence.size(); i++) {
            Upload u = evidence.get(i);
            // A file's name is shown to staff and the subject: one named after a person's number is kept masked
            // (RULES.md §10), as the reasons are; its content is checked, not its name. A picture is kept without
            // where and with what it was taken (M4), and its digest is that of the file kept.
            byte[] kept = ImageMetadata.strip(u.content(), types.get(i));
            store.insertEvidence(Ids.newId(), open, IdentityRedaction.redact(u.filename()), types.get(i), kept,
                    cn.chengxin.shared.files.Attachments.sha256(kept), now);
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, first ? "objection.file" : "objection.merge")
                .subject(subjects.pseudonymOf(opened.subjectId()).orElseThrow())
                .detail(what.with("attachments", evidence.size())));
        return open;
    }

    /**
     * 复核: after a decision, the subject may ask once for a review (RULES.md §5), which reopens the case — a new
     * objection on the same record, linked to the decision, with the same deadlines counted from today; the record is
     * marked 异议中 again while it still shows. A second request, or one on a review, is refused.
     */
    @Transactional
    public UUID requestReview(UUID subjectId, UUID objectionId, String reasons) {
        Objection decided = find(objectionId);
        if (!decided.subjectId().equals(subjectId)) {
            throw problem("OBJECTION_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这件异议");
        }
        String text = reasons == null ? "" : reasons.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw problem("OBJECTION_REASONS", DomainProblem.Kind.INVALID_INPUT, "请写明申请复核的理由（不超过 2000 字）");
        }
        // Kept as the subject wrote it with any identity number masked, as a filing's reasons are (RULES.md §10).
        text = IdentityRedaction.redact(text);
        if (decided.status().open()) {
            throw problem("OBJECTION_NOT_DECIDED", DomainProblem.Kind.CONFLICT, "该异议尚未办结，办结后方可申请复核");
        }
        if (decided.review() || store.reviewed(objectionId)) {
            throw reviewUsed();
        }
        if (!decided.outcome().decidable()) {
            // Nothing was decided on the record, which no longer shows: a review would reopen a case on a closed one.
            throw problem("OBJECTION_NOT_REVIEWABLE", DomainProblem.Kind.CONFLICT,
                    "该异议因所涉记录已不再展示而终结，没有可申请复核的处理结果");
        }
        LocalDate today = LocalDate.now(clock);
        Objection review = new Objection(Ids.newId(), subjectId, decided.recordKey(), decided.itemCode(),
                decided.departmentCode(), text, "本人申请复核", clock.instant(), 0, ObjectionStatus.RECEIVED,
                deadlines.platformDue(workingDays.calendar(), today), null, null, null, null, null, null, 0, null,
                today, null, null, objectionId, decided.entryId(), decided.receivedEntry(), decided.omission(), null);
        if (!store.insertReview(review)) {
            // Refused by the one-review index (two requests at once) or by another open case on the record.
            throw store.reviewed(objectionId) ? reviewUsed()
                    : problem("OBJECTION_OPEN_EXISTS", DomainProblem.Kind.CONFLICT, "该记录已有正在办理的异议");
        }
        if (decided.againstOmission()) {
            // Nothing to mark: the record said to be missing is not in the file (or came, and is not contested here).
        } else if (decided.againstReceived()) {
            // Marked again while the entry is still in force here; one the issuer removed meanwhile flags nothing.
            if (receivedEntries.inForce(subjects.pseudonymOf(subjectId).orElseThrow(), decided.receivedEntry())
                    .isPresent()) {
                receivedEntries.markObjected(decided.receivedEntry(), true);
            }
        } else if (decided.againstEntry()) {
            // An entry that ended (exited, rejected, or past its last day) no longer shows as listed: the review is
            // still decided, but a dispute mark on it would flag nothing (RULES.md §5: the mark shows where it shows).
            if (listing.entry(decided.entryId()).filter(e -> !ended(e, today)).isPresent()) {
                listing.markEntryDisputed(decided.entryId(), true);
            }
        } else if (creditFile.changeStatus(subjectId, decided.recordKey(), SHOWN, RecordStatus.IN_DISPUTE, "本人",
                "申请复核，标注异议中")) {
            listing.markDisputed(subjectId, decided.recordKey(), true);
        }
        notices.received(review);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.review")
                .subject(subjects.pseudonymOf(subjectId).orElseThrow()).detail(AuditDetail.of("OBJECTION_REVIEW_FILED")
                        .with("item", decided.itemCode())));
        return review.id();
    }

    /** Whether the entry has ended: exited or rejected, or past its last day though the night's job has not run. */
    private static boolean ended(ListEntry entry, LocalDate today) {
        return !entry.status().open() || (entry.validUntil() != null && entry.validUntil().isBefore(today));
    }

    /** Whether the subject may still ask for a review of {@code o}: decided, not a review, not reviewed yet. */
    public java.util.Set<UUID> reviewable(List<Objection> objections) {
        // The review may be on another page of the subject's list than the objection it reviews (finding K9).
        java.util.Set<UUID> reviewedOnes = objections.isEmpty() ? java.util.Set.of()
                : new java.util.HashSet<>(store.reviewedOf(objections.stream().map(Objection::id).toList()));
        java.util.Set<UUID> open = new java.util.HashSet<>();
        objections.stream().filter(o -> !o.status().open() && !o.review() && !reviewedOnes.contains(o.id())
                        && o.outcome().decidable())
                .forEach(o -> open.add(o.id()));
        return open;
    }

    private static CodedProblem reviewUsed() {
        return problem("OBJECTION_REVIEW_USED", DomainProblem.Kind.CONFLICT, "每件异议的处理结果只能申请一次复核");
    }

    /**
     * Staff file an objection at a counter on the subject's behalf (RULES.md §5: the subject or an interested party),
     * naming the record by its decision number; the filing is recorded as made by the staff member for the subject.
     * A passport or travel-permit holder is named with {@code documentType} ({@link DocumentType#named}); without one
     * the number is read as a resident identity number or a credit code. One transaction, like {@link #file}: called
     * from here, file's own {@code @Transactional} is not applied (a call within the bean skips its proxy), and a case
     * whose filing failed half-way would stay, with its record marked 异议中.
     */
    @Transactional
    public UUID fileAtCounter(String subjectNumber, String documentType, String decisionNumber, String reasons) {
        return fileAtCounter(subjectNumber, documentType, decisionNumber, reasons, null, null);
    }

    /**
     * {@link #fileAtCounter(String, String, String, String)} of a case the old system received before the cut-over
     * (review X7): {@code oldReceivedOn} (收件日期) and {@code oldReference} (its case number there), both or neither;
     * the case's deadlines are counted from that day (RULES.md §5, {@link EarlierReceipt}), audited with the day and the
     * number. A filing merged into a case already open here keeps that case's day.
     */
    @Transactional
    public UUID fileAtCounter(String subjectNumber, String documentType, String decisionNumber, String reasons,
                              LocalDate oldReceivedOn, String oldReference) {
        EarlierReceipt earlier = deadlines.earlierReceipt(oldReceivedOn, oldReference, LocalDate.now(clock),
                workingDays.calendar());
        Optional<ShownRecord> received = receivedNamed(subjectNumber, documentType, decisionNumber);
        if (received.isPresent()) {
            // An entry another platform issued, named by the key the clerk read on 信息交换 (RULES.md §5, §11).
            return fileAgainstReceived(received.get().subjectId(), decisionNumber.strip(), reasons,
                    "窗口代办：" + AuditLog.currentActor().actorName(), List.of(), earlier);
        }
        ShownRecord r = shownRecord(subjectNumber, documentType, decisionNumber);
        return fileOnRecord(r.subjectId(), r.recordKey(), reasons, "窗口代办：" + AuditLog.currentActor().actorName(),
                List.of(), earlier);
    }

    /**
     * Flags an administrative review or lawsuit pending against a shown record, named by the subject's number and the
     * decision number (RULES.md §5: flagged on the record; it then shows in the credit file pages); the number is of
     * {@code documentType} when one is named, as at {@link #fileAtCounter}. One transaction with joins held off, as a
     * filing's: a join approved after the record was read has moved it to the kept file, where the flag is written.
     */
    @Transactional
    public UUID flagProceeding(String subjectNumber, String documentType, String decisionNumber,
                               RecordProceeding.Kind kind, String note) {
        // Shown with the record in the credit file: the subject is named by the number in its own field (RULES.md §10).
        TypedText.requireNoIdentityNumber("note", "说明", note);
        ShownRecord r = shownRecord(subjectNumber, documentType, decisionNumber);
        UUID subjectId = heldThroughJoins(r.subjectId());
        return proceedings.flag(subjectId, r.recordKey(), kind, note, subjects.pseudonymOf(subjectId).orElseThrow());
    }

    public void clearProceeding(UUID id) {
        proceedings.clear(id);
    }

    private record ShownRecord(UUID subjectId, UUID recordKey) {
    }

    /**
     * The subject, when {@code key} names a list entry another platform issued about them and in force here (its key,
     * {@code source platform:source id}, as the console shows it); the record key is null then.
     */
    private Optional<ShownRecord> receivedNamed(String subjectNumber, String documentType, String key) {
        if (key == null || key.indexOf(':') <= 0) {
            return Optional.empty();
        }
        var document = subjects.validate(DocumentType.named(documentType), subjectNumber);
        return subjects.find(document).filter(id -> subjects.pseudonymOf(id)
                        .flatMap(p -> receivedEntries.inForce(p, key.strip())).isPresent())
                .map(id -> new ShownRecord(id, null));
    }

    /** @throws cn.chengxin.subject.domain.InvalidIdentityException DOCUMENT_TYPE_UNKNOWN, or the number's code */
    private ShownRecord shownRecord(String subjectNumber, String documentType, String decisionNumber) {
        UUID subjectId = subjectNamed(subjectNumber, documentType);
        String wanted = decisionNumber == null ? "" : decisionNumber.strip();
        UUID recordKey = creditFile.fileOf(subjectId).stream()
                .filter(e -> e.status().shown() && wanted.equals(e.decisionNumber())).map(FileEntry::recordKey)
                .findFirst().orElseThrow(() -> problem("OBJECTION_RECORD_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "该主体的信用档案中没有这个文书号的正在展示的记录"));
        return new ShownRecord(subjectId, recordKey);
    }

    /** @throws cn.chengxin.subject.domain.InvalidIdentityException DOCUMENT_TYPE_UNKNOWN, or the number's code */
    private UUID subjectNamed(String subjectNumber, String documentType) {
        var document = subjects.validate(DocumentType.named(documentType), subjectNumber);
        return subjects.find(document).orElseThrow(() -> problem("OBJECTION_SUBJECT_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "平台没有该主体的信用档案"));
    }

    public List<JdbcObjections.EvidenceFile> evidenceOf(UUID objectionId) {
        return store.evidenceOf(objectionId);
    }

    /** The attachments of each of {@code objections} (an empty list for those without), in one query. */
    public java.util.Map<UUID, List<JdbcObjections.EvidenceFile>> evidenceOf(List<Objection> objections) {
        return byObjection(objections, store::evidenceOf, JdbcObjections.EvidenceFile::objectionId);
    }

    /** What {@code load} finds for each of {@code objections} (an empty list for those without), in one query. */
    private static <T> java.util.Map<UUID, List<T>> byObjection(List<Objection> objections,
            java.util.function.Function<java.util.Set<UUID>, List<T>> load,
            java.util.function.Function<T, UUID> objectionOf) {
        java.util.Map<UUID, List<T>> byObjection = new java.util.HashMap<>();
        objections.forEach(o -> byObjection.put(o.id(), new java.util.ArrayList<>()));
        if (!objections.isEmpty()) {
            load.apply(byObjection.keySet()).forEach(x -> byObjection.get(objectionOf.apply(x)).add(x));
        }
        return byObjection;
    }

    /** An attachment and its content, for the staff handling the case. */
    public record EvidenceDownload(JdbcObjections.EvidenceFile file, byte[] content) {
    }

    /** An attachment for the credit office; the look is audited about the subject. */
    public EvidenceDownload evidence(UUID id) {
        JdbcObjections.EvidenceFile file = file(id);
        return audited(kept(file), find(file.objectionId()));
    }

    private JdbcObjections.EvidenceFile file(UUID id) {
        return store.evidence(id).orElseThrow(() -> problem("EVIDENCE_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "没有这个附件"));
    }

    /** The file with its content; refused once the content was deleted at the end of its retention (M4). */
    private EvidenceDownload kept(JdbcObjections.EvidenceFile file) {
        if (file.emptied()) {
            throw problem("EVIDENCE_EMPTIED", DomainProblem.Kind.CONFLICT,
                    "附件 " + file.id() + " 已超过保存期限，文件内容已删除");
        }
        return new EvidenceDownload(file, store.evidenceContent(file.id()).orElseThrow());
    }

    /**
     * Every look at a subject's evidence is recorded about them, whoever looks (RULES.md §10: every operation traceable;
     * the subject sees the look in "谁查询了我").
     */
    private EvidenceDownload audited(EvidenceDownload download, Objection o) {
        audit.record(AuditEntry.of(AuditCategory.QUERY, "objection.evidence")
                .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow())
                .purpose("异议处理", "《征信业管理条例》第二十五条")
                .detail(AuditDetail.of("OBJECTION_EVIDENCE_VIEWED").with("objection", o.id())
                        .with("file", download.file().id())));
        return download;
    }

    /** An attachment of one of the subject's own objections; unknown to anyone else. */
    public EvidenceDownload evidenceOfSubject(UUID subjectId, UUID id) {
        JdbcObjections.EvidenceFile file = file(id);
        Objection o = find(file.objectionId());
        if (!o.subjectId().equals(subjectId)) {
            throw problem("EVIDENCE_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这个附件");
        }
        return audited(kept(file), o);
    }

    /**
     * An attachment of a case routed to {@code departmentCode}, while the department still has a part in it
     * ({@link RoutedEvidenceWindow}: open, or decided within the window); unknown to any other department, refused
     * ({@code EVIDENCE_WINDOW_CLOSED}) to the routed one after the window.
     */
    public EvidenceDownload evidenceRoutedTo(String departmentCode, UUID id) {
        JdbcObjections.EvidenceFile file = file(id);
        Objection o = find(file.objectionId());
        if (!departmentCode.equals(o.departmentCode()) || o.routedAt() == null) {
            throw problem("EVIDENCE_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这个附件");
        }
        if (!RoutedEvidenceWindow.open(o.decidedAt(), clock.instant())) {
            throw problem("EVIDENCE_WINDOW_CLOSED", DomainProblem.Kind.FORBIDDEN, "异议办结已超过 "
                    + RoutedEvidenceWindow.DAYS + " 日（至 " + RoutedEvidenceWindow.lastDay(o.decidedAt())
                    + "），提供单位不能再下载其证明材料");
        }
        return audited(kept(file), o);
    }

    /**
     * Sends the case to the providing department for verification (RULES.md §5; Henan Art. 41): the case is due 7
     * working days from receipt, the department's answer 3 from today but no later than the working day before the
     * case is due, both moved by pauses already recorded ({@link ObjectionDeadlines#due}). Only a case still within the
     * platform's own 3 working days may be routed: after them, routing would turn an overdue case into one "in time"
     * (OBJECTION_ROUTE_TOO_LATE; the office decides it itself, late, and the figures count it so). The subject is told
     * the new deadline and the department verifying.
     */
    @Transactional
    public void route(UUID id, int version) {
        Objection o = find(id);
        requireNotOwnCase(o, "objection.route");
        LocalDate today = LocalDate.now(clock);
        if (o.status() == ObjectionStatus.RECEIVED && !ObjectionDeadlines.routable(today, o.dueOn())) {
            throw problem("OBJECTION_ROUTE_TOO_LATE", DomainProblem.Kind.CONFLICT,
                    "该异议已超过平台办理期限（" + o.dueOn() + "），不能再转提供单位核查以延长期限：请由信用办直接办结");
        }
        ObjectionDeadlines.Due due = due(o, today, pausesOf(id));
        if (!store.route(id, version, clock.instant(), due.caseDue(), due.departmentDue())) {
            throw problem("OBJECTION_ALREADY_MOVED", DomainProblem.Kind.CONFLICT, "该异议已由他人转办、办结或已更新，请刷新");
        }
        notices.routed(o, due.caseDue());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.route")
                .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow())
                .detail(AuditDetail.of("OBJECTION_ROUTED").with("department", o.departmentCode())
                        .with("due", due.caseDue()).with("departmentDue", due.departmentDue())));
    }

    /**
     * Records a pause for testing or expert review from today to {@code until} (RULES.md §5): its working days are not
     * counted, so the deadlines move — never past 20 days from receipt (征信业管理条例 Art. 25).
     */
    @Transactional
    public void pause(UUID id, int version, ObjectionPause.Kind kind, String reason, LocalDate until) {
        Objection o = find(id);
        LocalDate today = LocalDate.now(clock);
        ObjectionPause pause = ObjectionPause.of(kind, reason, today, until, o.receivedOn());
        requireNotOwnCase(o, "objection.pause");
        if (!o.status().open()) {
            throw problem("OBJECTION_ALREADY_DECIDED", DomainProblem.Kind.CONFLICT, "该异议已办结");
        }
        List<ObjectionPause> pauses = new java.util.ArrayList<>(pausesOf(id));
        pauses.add(pause);
        LocalDate routedOn = o.routedAt() == null ? null : LocalDate.ofInstant(o.routedAt(), clock.getZone());
        ObjectionDeadlines.Due due = due(o, routedOn, pauses);
        if (!store.moveDeadlines(id, version, due.caseDue(), o.routedAt() == null ? null : due.departmentDue())) {
            throw problem("OBJECTION_ALREADY_MOVED", DomainProblem.Kind.CONFLICT, "该异议已由他人更新，请刷新");
        }
        String by = AuditLog.currentActor().actorName();
        store.insertPause(Ids.newId(), id, pause, by, clock.instant());
        notices.paused(o, kind, pause.until(), due.caseDue());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.pause")
                .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow())
                .detail(AuditDetail.of("OBJECTION_PAUSED").withLabel("kind", "objections.pauseKind." + kind.name())
                        .with("from", pause.from()).with("until", pause.until()).with("due", due.caseDue())));
    }

    /** The deadlines of a case routed on {@code routedOn} (null: not routed), moved by its pauses, capped. */
    private ObjectionDeadlines.Due due(Objection o, LocalDate routedOn, List<ObjectionPause> pauses) {
        return deadlines.due(workingDays.calendar(), o.receivedOn(), routedOn, pauses);
    }

    public List<ObjectionPause> pausesOf(UUID objectionId) {
        return store.pausesOf(List.of(objectionId)).stream().map(JdbcObjections.RecordedPause::pause).toList();
    }

    /** The pauses of each of {@code objections}, in one query (for the console). */
    public java.util.Map<UUID, List<JdbcObjections.RecordedPause>> pausesOf(List<Objection> objections) {
        return byObjection(objections, store::pausesOf, JdbcObjections.RecordedPause::objectionId);
    }

    /** The last day the case may take whatever its pauses (征信业管理条例 Art. 25). */
    public LocalDate ceilingOf(Objection o) {
        return deadlines.ceiling(workingDays.calendar(), o.receivedOn());
    }

    /** What a department operator sees of a routed case: the case, the record it contests, and the subject masked. */
    public record RoutedCase(Objection objection, FileEntry record, String maskedName, String maskedNumber,
                             List<JdbcObjections.EvidenceFile> evidence) {
    }

    /**
     * The cases routed to {@code departmentCode} that still await its answer or the credit office's decision. Their
     * queue shows them masked; what they hold is shown one case at a time through {@link #lookRouted}, audited.
     */
    public List<RoutedCase> routedTo(String departmentCode) {
        return routed(store.withDepartment(departmentCode, 200));
    }

    /**
     * One case routed to {@code departmentCode}, with the record it contests, the subject's reasons and evidence: the
     * look is recorded about the subject before anything is shown (RULES.md §9, §10: staff reads of a person's data
     * are logged with their purpose and show on 谁查询了我). To any other department the case is unknown, as its
     * evidence is.
     */
    public RoutedCase lookRouted(String departmentCode, UUID id) {
        Objection o = find(id);
        if (!departmentCode.equals(o.departmentCode()) || o.routedAt() == null) {
            throw problem("OBJECTION_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这件异议");
        }
        RoutedCase shown = routed(List.of(o)).get(0);
        recordLook(o);
        return shown;
    }

    /**
     * One case for the credit office, as it handles it: the look is recorded about the subject before the record, the
     * reasons and the evidence are shown (RULES.md §9, §10); the queue lists cases masked only.
     */
    public Objection look(UUID id) {
        Objection o = find(id);
        recordLook(o);
        return o;
    }

    /**
     * 按证件查找 (K5 of gaps-review-xxix): every case of the person named by their document, open and decided, the newest
     * first, so that a clerk can answer "what happened to my objection?" at the window (RULES.md §5: the person is told
     * the outcome and its reasons). The number is posted, never in an address; the look is recorded about the subject
     * before anything is shown (RULES.md §9, §10), with the queue's own purpose, as opening a case is.
     */
    public List<Objection> ofPerson(String documentType, String number) {
        StaffQueryPurpose purpose = StaffQueryPurpose.OBJECTION_HANDLING;
        return store.ofSubject(subjects.searchedFor(documentType, number, "OBJECTION_SUBJECT_UNKNOWN",
                pseudonym -> AuditEntry.of(AuditCategory.QUERY, "objection.search").subject(pseudonym)
                        .purpose(purpose.label(), purpose.legalBasis()).detail(AuditDetail.of("OBJECTION_SEARCHED"))));
    }

    /** The purpose is the queue's own: a case is opened to handle it (the subject's reasons stay out of the detail). */
    private void recordLook(Objection o) {
        StaffQueryPurpose purpose = StaffQueryPurpose.OBJECTION_HANDLING;
        audit.record(AuditEntry.of(AuditCategory.QUERY, "objection.view")
                .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow())
                .purpose(purpose.label(), purpose.legalBasis())
                .detail(AuditDetail.of("OBJECTION_VIEWED").with("objection", o.id()).with("item", o.itemCode())));
    }

    private List<RoutedCase> routed(List<Objection> cases) {
        java.util.Map<UUID, List<JdbcObjections.EvidenceFile>> evidence = evidenceOf(cases);
        return cases.stream().map(o -> {
            var profile = subjects.profile(o.subjectId()).orElseThrow();
            FileEntry record = creditFile.record(o.subjectId(), o.recordKey()).orElse(null);
            return new RoutedCase(o, record, profile.maskedName(), profile.maskedNumber(), evidence.get(o.id()));
        }).toList();
    }

    /**
     * The providing department's answer (RULES.md §5: within 3 working days of routing; a late answer is still taken
     * and shown as late). Only the department the case was routed to answers, once; to any other department the case
     * is unknown, as records outside a department's scope are.
     */
    @Transactional
    public void answer(String departmentCode, UUID id, int version, DepartmentAnswer answer, String corrections,
                       String reasons) {
        String kept = DepartmentAnswer.check(answer, corrections, reasons);
        Objection o = find(id);
        if (!o.departmentCode().equals(departmentCode)) {
            throw problem("OBJECTION_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这件异议");
        }
        requireNotOwnCase(o, "objection.answer");
        String by = AuditLog.currentActor().actorName();
        if (!store.answer(id, version, departmentCode, new Objection.Answer(answer, kept,
                IdentityRedaction.redact(reasons.strip()), by,
                clock.instant()))) {
            throw problem("OBJECTION_ALREADY_ANSWERED", DomainProblem.Kind.CONFLICT, "该异议未转本单位、已答复或已更新，请刷新");
        }
        if (answer == DepartmentAnswer.BASIS_REVOKED) {
            // The department's word that its decision was revoked is the notice of Henan Art. 42: the record is to be
            // withdrawn within 1 working day of it, not at the end of the case's 7; the watch escalates it after that.
            LocalDate due = deadlines.withdrawalDue(workingDays.calendar(), LocalDate.now(clock), o.dueOn());
            if (due.isBefore(o.dueOn()) && !store.moveDeadlines(id, version + 1, due, o.departmentDue())) {
                throw problem("OBJECTION_ALREADY_ANSWERED", DomainProblem.Kind.CONFLICT, "该异议未转本单位、已答复或已更新，请刷新");
            }
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.answer")
                .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow()).detail(AuditDetail.of("OBJECTION_ANSWERED")
                        .with("department", departmentCode)
                        .withLabel("answer", "objectionAnswers.answer." + answer.name())));
    }

    /**
     * Decides: exactly one decision even when two people decide at once; the record takes the outcome's state, list
     * entries resting on a record that no longer counts (or removed by the outcome) exit, the dispute marks go — except
     * while the record awaits a correction decided on it, which the department has 3 working days to deliver. An
     * outcome that takes an organisation's record out of display takes the responsible persons' linked copies of it
     * out too (RULES.md §1), with the same reason and their list entries; one on a copy stays with the copy
     * ({@link Outcome}).
     */
    @Transactional
    public void decide(UUID id, int version, Outcome outcome, String reasons) {
        if (outcome == null || !outcome.decidable() || reasons == null || reasons.isBlank() || reasons.length() > 2000) {
            throw problem("OBJECTION_DECISION_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "须选择处理结果并写明理由（信息主体可见，不超过 2000 字）");
        }
        // Kept and shown as written to the subject and to staff (RULES.md §10: no identity number in clear).
        TypedText.requireNoIdentityNumber("reasons", "处理理由", reasons);
        // A number mistyped (its check character wrong) is not refused, and is still personal data: kept masked, so
        // that the subject, their notice and every screen read it masked (issue #7).
        String kept = IdentityRedaction.redact(reasons.strip());
        Objection o = find(id);
        requireNotOwnCase(o, "objection.decide");
        if ((o.againstEntry() || o.againstReceived()) && !outcome.forEntries()) {
            // Nothing would correct the entry: the case would close and the entry stay as wrong as before (issue #8).
            throw problem("OBJECTION_OUTCOME_NOT_FOR_ENTRY", DomainProblem.Kind.INVALID_INPUT,
                    "名单条目不能更正或补充：认定有误的请选择“移出名单”（仍符合条件的，依正确事实重新提出认定建议并重新告知）；"
                            + "所依据的信用记录有误的，请就该记录办理异议");
        }
        Optional<FileEntry> supplied = Optional.empty();
        if (o.againstOmission()) {
            supplied = requireOmissionDecidable(o, outcome);
        }
        if (o.againstReceived() && outcome.endsListEntries() && receivedEntries.inForce(
                subjects.pseudonymOf(o.subjectId()).orElseThrow(), o.receivedEntry()).isPresent()) {
            // Only the issuing platform removes its entry (RULES.md §11): decided 移出名单 here while it still binds,
            // the person would be told it is gone and still be refused at every window.
            throw problem("OBJECTION_RECEIVED_ISSUER_DECIDES", DomainProblem.Kind.CONFLICT,
                    "该条目由其他平台认定，须由认定平台移出；收到其移出信息后方可按“移出名单”办结，"
                            + "认定平台维持的请选择“维持原记录”");
        }
        String by = AuditLog.currentActor().actorName();
        if (!store.decide(id, version, outcome, kept, by, clock.instant())) {
            throw problem("OBJECTION_ALREADY_DECIDED", DomainProblem.Kind.CONFLICT, "该异议已由他人办结或已更新，请刷新");
        }
        RecordStatus to = switch (outcome.effect()) {
            case REVOKE -> RecordStatus.REVOKED;
            case EXPIRE -> RecordStatus.EXPIRED;
            case RESTORE -> RecordStatus.ACTIVE;
            case AWAIT_CORRECTION -> RecordStatus.IN_DISPUTE;
            case NONE -> throw new IllegalArgumentException("not a decision: " + outcome);
        };
        int copies = 0;
        if (o.againstOmission()) {
            // Nothing in the file was contested or marked: 补充 came as the department's own record, 维持 changes nothing.
        } else if (o.againstReceived()) {
            // The issuer answered (upheld, or removed the entry, whose removal has arrived): the mark placed here goes.
            receivedEntries.markObjected(o.receivedEntry(), false);
        } else if (o.againstEntry()) {
            // The entry stays marked while the record it rests on is itself in dispute (another objection, open).
            Optional<ListEntry> entry = listing.entry(o.entryId());
            UUID restsOn = entry.map(ListEntry::recordKey).orElse(null);
            if (restsOn == null || store.open(restsOn).isEmpty()) {
                listing.markEntryDisputed(o.entryId(), false);
            }
            if (outcome.endsListEntries() && entry.map(e -> e.status().open()).orElse(false)) {
                listing.exit(o.entryId(), "异议成立：" + outcome.label());
            }
        } else {
            // A record whose publication ended while it was disputed stays ended (RULES.md §4), unless found wrong.
            Set<RecordStatus> from = to == RecordStatus.REVOKED
                    ? EnumSet.of(RecordStatus.IN_DISPUTE, RecordStatus.ACTIVE, RecordStatus.EXPIRED)
                    : EnumSet.of(RecordStatus.IN_DISPUTE, RecordStatus.ACTIVE);
            String reason = "异议办结：" + outcome.label();
            if (outcome.effect() == Outcome.RecordEffect.AWAIT_CORRECTION && !correctedSince(o)) {
                LocalDate due = correctionDue(LocalDate.now(clock));
                // Still known to be wrong: the mark stays, here and on what rests on it, until the correction comes.
                if (!creditFile.changeStatus(o.subjectId(), o.recordKey(), from, to, by,
                        reason + "，待提供单位于 " + due + " 前报送更正后的记录")) {
                    clearMarks(o.subjectId(), o.recordKey());
                }
            } else if (outcome.effect() == Outcome.RecordEffect.AWAIT_CORRECTION) {
                // The department delivered the corrected version while the case was open: it stands as delivered.
                creditFile.changeStatus(o.subjectId(), o.recordKey(), from, RecordStatus.ACTIVE, by, reason);
                clearMarks(o.subjectId(), o.recordKey());
            } else if (to != RecordStatus.ACTIVE || !correctionOwed(o.subjectId(), o.recordKey())) {
                creditFile.changeStatus(o.subjectId(), o.recordKey(), from, to, by, reason);
                clearMarks(o.subjectId(), o.recordKey());
            } // else upheld on a record whose correction an earlier decision still awaits: the record stays marked.
            if (outcome.effect() == Outcome.RecordEffect.AWAIT_CORRECTION
                    && !stillDisputed(o.subjectId(), o.recordKey())) {
                // Nothing is left to correct: the corrected version came while the case was open, or the record left
                // 异议中 meanwhile — revoked at this very moment by its department or with its item, whose revocation
                // left this case, held by this decision, to it (RecordsTakenDown). Owed by nobody, as the watch judges
                // (owed): settled now, so that it is never listed to the department or escalated.
                store.settleCorrections(List.of(id), clock.instant());
            }
            endEntries(o.subjectId(), o.recordKey(), outcome);
            if (outcome.endsDisplay()) {
                for (var copy : creditFile.changeStatusOfCopies(o.subjectId(), o.recordKey(), from, to, by, reason)) {
                    clearMarks(copy.subjectId(), copy.recordKey());
                    endEntries(copy.subjectId(), copy.recordKey(), outcome);
                    copies++;
                }
            }
        }
        notices.decided(find(id));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.decide")
                .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow())
                .detail(decided(outcome, supplied, copies)));
    }

    /**
     * A decision's audit detail (K7), named in the auditor's language: the outcome, and the record supplied (补充) or
     * the linked copies the decision ended with it.
     */
    private static AuditDetail decided(Outcome outcome, Optional<FileEntry> supplied, int copies) {
        String named = "objections.outcome." + outcome.name();
        return supplied.map(r -> AuditDetail.of("OBJECTION_DECIDED_SUPPLIED").withLabel("outcome", named)
                        .with("item", r.itemCode()).with("decision", r.decisionNumber()))
                .orElse(copies == 0 ? AuditDetail.of("OBJECTION_DECIDED").withLabel("outcome", named)
                        : AuditDetail.of("OBJECTION_DECIDED_COPIES").withLabel("outcome", named)
                                .with("copies", copies));
    }

    /**
     * An omission (信息遗漏) ends as 补充 or 维持 only ({@link Omission#decidable}); as 补充 once the department submitted
     * the record: one of the item from that department in the subject's file, shown, delivered after the case (or the
     * case it reviews) was filed. Before it came, 补充 would tell the person their file is complete when it is not.
     * Returns that record for 补充.
     */
    private Optional<FileEntry> requireOmissionDecidable(Objection o, Outcome outcome) {
        if (!Omission.decidable(outcome)) {
            throw problem("OBJECTION_OUTCOME_NOT_FOR_OMISSION", DomainProblem.Kind.INVALID_INPUT,
                    "信息遗漏的异议只能按“补充”（提供单位已报送该记录）或“不予补充”办结");
        }
        if (outcome != Outcome.SUPPLEMENT) {
            return Optional.empty();
        }
        Instant since = o.review() ? find(o.reviewOf()).filedAt() : o.filedAt();
        return Optional.of(creditFile.fileOf(o.subjectId()).stream()
                .filter(e -> e.itemCode().equals(o.itemCode()) && o.departmentCode().equals(e.departmentCode())
                        && e.status().shown() && e.acceptedAt().isAfter(since))
                .findFirst().orElseThrow(() -> problem("OBJECTION_OMISSION_NOT_SUPPLIED", DomainProblem.Kind.CONFLICT,
                        "提供单位尚未报送所遗漏的记录：报送后方可按“补充”办结")));
    }

    /**
     * Ends the objections open on linked copies that a decision on their origin took out of display (RULES.md §1, §5):
     * the organisation's record deleted or its display stopped by an objection, revoked by its department, or
     * repaired — and its copies with it. Each case ends as {@link Outcome#ENDED_WITH_ORIGIN}, with reasons saying why
     * and the subject told as of any decision (PIPL Art. 50), in the transaction that closed the copy; the marks of what
     * rests on the copy go. Not for a copy whose window ended: its objection is still decided (see
     * {@link CreditFile#applyWindows}); nor for a case someone decided meanwhile.
     */
    @Transactional
    public void endWithOrigin(Objection o, FileEntry copy) {
        if (!copy.linked() || copy.status().shown() || !o.status().open() || !copy.recordKey().equals(o.recordKey())) {
            return;
        }
        String reasons = "该记录是单位信用记录在其法定代表人、负责人名下的关联记录；原记录" + howTakenDown(copy.status())
                + "，该记录随之不再展示和使用，本异议终结办理。";
        String by = AuditLog.currentActor().actorName();
        if (!store.decide(o.id(), o.version(), Outcome.ENDED_WITH_ORIGIN, reasons, by, clock.instant())) {
            return;
        }
        clearMarks(o.subjectId(), o.recordKey());
        notices.decided(find(o.id()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.endWithOrigin")
                .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow())
                .detail(AuditDetail.of("OBJECTION_ENDED_WITH_ORIGIN").with("item", copy.itemCode())
                        .withLabel("status", "file.status." + copy.status().name())));
    }

    /**
     * Ends an objection open on a record its department revoked (a REVOKE row through collection, from its system or
     * its console): the decision behind the record was itself revoked and the record is no longer shown or used
     * (RULES.md §5; Henan Art. 42), so a case left open on it would have the office decide on a record that is gone,
     * its deadline running into escalation. It ends as {@link Outcome#REVOKED_BY_DEPARTMENT} — the record deleted, as
     * by 删除, nothing left to decide or review — with reasons saying why, the department's own reason among them, in
     * the subject's notice as of any decision (PIPL Art. 50), audited; the dispute marks of what rested on the record
     * go. In the transaction of the revocation, which holds the record: a case another transaction holds is not
     * waited for (a decision holds the case, then waits for the record) but left to it — a decision at the same
     * moment is the one decision — or, if that one decides nothing, to the next deadline watch. A linked copy ends
     * with its origin instead ({@link #endWithOrigin}).
     *
     * @return whether the case was ended here
     */
    @Transactional
    public boolean endWithRevocation(Objection o, FileEntry record) {
        if (record.linked() || record.status() != RecordStatus.REVOKED || !record.recordKey().equals(o.recordKey())) {
            return false;
        }
        Optional<Integer> version = store.lockOpenUnlessBusy(o.id());
        if (version.isEmpty()) {
            return false;
        }
        String why = record.revocationReason() == null ? ""
                : "（撤销原因：" + IdentityRedaction.redact(record.revocationReason()) + "）";
        // Said alike whoever revoked: the department (its decision revoked) or the credit office (the item's legal
        // basis revoked, 依据废止); the reason names which.
        String reasons = "该记录已被撤销" + why + "，已删除，不再展示和使用，本异议终结办理。";
        if (!store.decide(o.id(), version.get(), Outcome.REVOKED_BY_DEPARTMENT, reasons, record.departmentCode(),
                clock.instant())) {
            return false;
        }
        clearMarks(o.subjectId(), o.recordKey());
        notices.decided(find(o.id()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.endWithRevocation")
                .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow())
                .detail(AuditDetail.of("OBJECTION_ENDED_REVOKED").with("item", record.itemCode())
                        .with("department", record.departmentCode())));
        return true;
    }

    /**
     * The cases still open on records their department revoked — left by {@link #endWithRevocation} to a transaction
     * that then decided nothing, or open since before revocations ended them — end now, before any is escalated.
     */
    private List<Objection> endCasesOnRevokedRecords() {
        List<Objection> open = store.openOnRecords();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<FileEntry>> files = creditFile.filesOf(open.stream().map(Objection::subjectId)
                .collect(Collectors.toSet()));
        List<Objection> ended = new java.util.ArrayList<>();
        for (Objection o : open) {
            files.getOrDefault(o.subjectId(), List.of()).stream().filter(e -> e.recordKey().equals(o.recordKey()))
                    .findFirst().filter(r -> endWithRevocation(o, r)).ifPresent(r -> ended.add(o));
        }
        return ended;
    }

    private static String howTakenDown(RecordStatus copy) {
        return switch (copy) {
            case REVOKED -> "已被删除（撤销）";
            case EXPIRED -> "已停止公示";
            case REPAIRED -> "已完成信用修复";
            default -> "已不再展示";
        };
    }

    /** The last day for the department to deliver a correction decided on {@code decidedOn}: its answer's days. */
    private LocalDate correctionDue(LocalDate decidedOn) {
        return deadlines.departmentAnswerDue(workingDays.calendar(), decidedOn);
    }

    /** Whether the record's current version was delivered after the objection was filed: a correction already in. */
    private boolean correctedSince(Objection o) {
        return current(o.subjectId(), o.recordKey()).map(r -> r.acceptedAt().isAfter(o.filedAt())).orElse(false);
    }

    /**
     * Whether the record is 异议中 awaiting a correction decided on it ({@link Outcome}: 更正, 补充) since its current
     * version was delivered.
     */
    private boolean correctionOwed(UUID subjectId, UUID recordKey) {
        return current(subjectId, recordKey).filter(r -> r.status() == RecordStatus.IN_DISPUTE)
                .map(r -> store.correctionDecidedBetween(subjectId, recordKey, r.acceptedAt(), null)).orElse(false);
    }

    /** Marked 异议中 already: by a decision that awaits its correction (§5), with no case open on it. */
    private boolean stillDisputed(UUID subjectId, UUID recordKey) {
        return current(subjectId, recordKey).filter(r -> r.status() == RecordStatus.IN_DISPUTE).isPresent();
    }

    private Optional<FileEntry> current(UUID subjectId, UUID recordKey) {
        return creditFile.record(subjectId, recordKey);
    }

    /**
     * The department delivered a new version of a record (collection's UPDATE of the same source record): if it is the
     * correction a decision awaited ({@link Outcome}: 更正, 补充, decided before the version was delivered), the record
     * — now that version — is no longer known to be wrong, and its dispute mark and those of what rests on it go. A
     * record still contested (an objection open on it) keeps its mark until that one is decided; one whose window
     * ended is left to the night's job, which ends its publication (RULES.md §4).
     */
    @Transactional
    public void correctionDelivered(UUID subjectId, UUID recordKey) {
        Optional<FileEntry> record = current(subjectId, recordKey)
                .filter(r -> r.status() == RecordStatus.IN_DISPUTE && r.version() > 1);
        LocalDate today = LocalDate.now(clock);
        if (record.isEmpty() || store.open(recordKey).isPresent()
                || !store.correctionDecidedBetween(subjectId, recordKey, null, record.get().acceptedAt())
                || (record.get().publicationEnd() != null && record.get().publicationEnd().isBefore(today))) {
            return;
        }
        if (creditFile.changeStatus(subjectId, recordKey, EnumSet.of(RecordStatus.IN_DISPUTE), RecordStatus.ACTIVE,
                record.get().departmentCode(), "提供单位已报送更正后的记录（第 " + record.get().version() + " 版），解除异议标注")) {
            clearMarks(subjectId, recordKey);
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.corrected")
                    .subject(subjects.pseudonymOf(subjectId).orElseThrow())
                    .detail(AuditDetail.of("OBJECTION_CORRECTED").with("item", record.get().itemCode())
                            .with("version", record.get().version())));
            notices.corrected(subjectId, record.get());
        }
    }

    /**
     * A correction the department owes: the case decided as 更正 or 补充, the record as it stands, the deadline, and
     * when, overdue, it was escalated to the credit office (null: not escalated).
     */
    public record OwedCorrection(Objection objection, FileEntry record, String maskedName, String maskedNumber,
                                 LocalDate due, Instant escalatedAt) {

        public boolean overdue(LocalDate today) {
            return today.isAfter(due);
        }

        public boolean escalated() {
            return escalatedAt != null;
        }
    }

    /**
     * The corrections {@code departmentCode} still owes (RULES.md §5): its records decided as 更正 or 补充 that are still
     * 异议中 in the version the decision was about, the earliest deadline first.
     */
    public List<OwedCorrection> correctionsOwedBy(String departmentCode) {
        return owed(store.correctionsDecided(departmentCode)); // a record's latest such decision only
    }

    /**
     * The corrections escalated to the credit office because their department let the deadline pass and still owes
     * them (RULES.md §5), the earliest deadline first: the office's objection page lists them until they come.
     */
    public List<OwedCorrection> correctionsEscalated() {
        return owed(store.correctionsDecided().stream().filter(d -> d.escalatedAt() != null).toList());
    }

    private List<OwedCorrection> owed(List<JdbcObjections.DecidedCorrection> decided) {
        List<OwedCorrection> owed = new java.util.ArrayList<>();
        stillOwed(decided, (d, r) -> {
            Objection o = d.objection();
            var profile = subjects.profile(o.subjectId()).orElseThrow();
            owed.add(new OwedCorrection(o, r, profile.maskedName(), profile.maskedNumber(),
                    correctionDue(LocalDate.ofInstant(o.decidedAt(), clock.getZone())), d.escalatedAt()));
        });
        owed.sort(java.util.Comparator.comparing(OwedCorrection::due));
        return owed;
    }

    /** Of the decided corrections, those whose record is still 异议中 in the version the decision was about, each. */
    private void stillOwed(List<JdbcObjections.DecidedCorrection> decided,
                           java.util.function.BiConsumer<JdbcObjections.DecidedCorrection, FileEntry> each) {
        Map<UUID, List<FileEntry>> files = decided.isEmpty() ? Map.of() : creditFile.filesOf(decided.stream()
                .map(d -> d.objection().subjectId()).collect(Collectors.toSet()));
        for (JdbcObjections.DecidedCorrection d : decided) {
            Objection o = d.objection();
            files.getOrDefault(o.subjectId(), List.of()).stream().filter(e -> e.recordKey().equals(o.recordKey()))
                    .findFirst()
                    .filter(r -> r.status() == RecordStatus.IN_DISPUTE && r.acceptedAt().isBefore(o.decidedAt()))
                    .ifPresent(r -> each.accept(d, r));
        }
    }

    /**
     * Whether the record is 异议中 awaiting the corrected version an objection decided on it (更正 or 补充; RULES.md
     * §5): it is known to be wrong as it stands, so nothing — a repair, say — is decided on it until the correction
     * comes. For other modules, which see only the record's 异议中.
     */
    public boolean awaitsCorrection(UUID subjectId, UUID recordKey) {
        return correctionOwed(subjectId, recordKey);
    }

    /** Clears the marks of what rests on the record; an entry contested by itself (its objection, open) keeps its own. */
    private void clearMarks(UUID subjectId, UUID recordKey) {
        listing.markDisputed(subjectId, recordKey, false);
        for (ListEntry entry : listing.entriesOf(subjectId)) {
            if (recordKey.equals(entry.recordKey()) && store.openOnEntry(entry.id()).isPresent()) {
                listing.markEntryDisputed(entry.id(), true);
            }
        }
    }

    /** The open list entries resting on the record exit when the outcome ends them. */
    private void endEntries(UUID subjectId, UUID recordKey, Outcome outcome) {
        if (!outcome.endsListEntries()) {
            return;
        }
        for (ListEntry entry : listing.entriesOf(subjectId)) {
            if (recordKey.equals(entry.recordKey()) && entry.status().open()) {
                listing.exit(entry.id(), "异议成立：" + outcome.label());
            }
        }
    }

    public Objection find(UUID id) {
        return store.find(id).orElseThrow(() -> problem("OBJECTION_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                "没有这件异议"));
    }

    public List<Objection> of(UUID subjectId) {
        return store.ofSubject(subjectId);
    }

    /** 我的异议 page by page (finding K9): the objections filed before {@code before} (null: the newest), newest first. */
    public cn.chengxin.shared.OlderPage<Objection> page(UUID subjectId, UUID before, int size) {
        return cn.chengxin.shared.OlderPage.of(store.ofSubjectOlderThan(subjectId, before, size), size, Objection::id);
    }

    /**
     * What the credit office judges a case by, beside it (issue #7): the contested record as it stands now — item,
     * department, decision number, dates, status — and the subject, masked as on every screen (RULES.md §10).
     * {@code record} is null for an entry resting on no record, or a record no longer in the file; {@code forwardedTo}
     * names the platform a case on another platform's entry was forwarded to (null for any other case).
     */
    public record Contested(FileEntry record, String itemName, String maskedName, String maskedNumber,
                            String forwardedTo) {
    }

    /** The contested record and masked subject of each of {@code objections}: the files read in one query. */
    public Map<UUID, Contested> contestedOf(List<Objection> objections) {
        if (objections.isEmpty()) {
            return Map.of();
        }
        Set<UUID> subjectIds = objections.stream().map(Objection::subjectId).collect(Collectors.toSet());
        Map<UUID, List<FileEntry>> files = creditFile.filesOf(subjectIds);
        Map<UUID, cn.chengxin.subject.SubjectProfile> profiles = new java.util.HashMap<>();
        subjectIds.forEach(s -> subjects.profile(s).ifPresent(p -> profiles.put(s, p)));
        Map<String, String> itemNames = itemNamesOf(objections);
        Map<UUID, Contested> contested = new java.util.HashMap<>();
        for (Objection o : objections) {
            FileEntry record = o.recordKey() == null ? null : files.getOrDefault(o.subjectId(), List.of()).stream()
                    .filter(e -> e.recordKey().equals(o.recordKey())).findFirst().orElse(null);
            var profile = profiles.get(o.subjectId());
            contested.put(o.id(), new Contested(record, itemNames.get(o.itemCode()),
                    profile == null ? "" : profile.maskedName(), profile == null ? "" : profile.maskedNumber(),
                    o.againstReceived() ? issuerOf(o) : null));
        }
        return contested;
    }

    /**
     * The platform a case on another platform's entry was forwarded to (转办): its name as the entry last received
     * says, with its code; the code alone once the entry is no longer in force here.
     */
    private String issuerOf(Objection o) {
        return subjects.pseudonymOf(o.subjectId()).flatMap(p -> receivedEntries.inForce(p, o.receivedEntry()))
                .map(e -> e.issuingPlatform() + "（" + e.sourcePlatform() + "）").orElse(o.departmentCode());
    }

    /**
     * The names of the items {@code objections} are about, by code, for a page to show beside the code (K7 of
     * gaps-review-xxix): the catalogue's items in force read once, whatever the number of rows.
     */
    public Map<String, String> itemNamesOf(List<Objection> objections) {
        if (objections.isEmpty()) {
            return Map.of();
        }
        Map<String, String> inForce = catalogue.active().stream()
                .collect(Collectors.toMap(CatalogueItem::code, i -> i.definition().name(), (a, b) -> a));
        Map<String, String> names = new java.util.HashMap<>();
        objections.forEach(o -> names.computeIfAbsent(o.itemCode(), code -> itemName(code, inForce)));
        return names;
    }

    /** The item's name in force, or a list's for a case on a list entry ({@code LIST_} and its type). */
    private static String itemName(String itemCode, Map<String, String> inForce) {
        if (itemCode.startsWith("LIST_")) {
            try {
                return cn.chengxin.listing.ListType.valueOf(itemCode.substring("LIST_".length())).label();
            } catch (IllegalArgumentException unknown) {
                return itemCode;
            }
        }
        return inForce.getOrDefault(itemCode, itemCode);
    }

    /** Open cases the queue shows on a page (K5 of gaps-review-xxix: all are reachable, page by page). */
    public static final int OPEN_PER_PAGE = 100;

    /**
     * A page of the open cases, the earliest deadline first (overdue ones marked on the queue), with how many are open
     * in all: however many wait, each is on some page (RULES.md §5: every case is decided within its deadline).
     */
    public CountedPage<Objection> open(int page) {
        return CountedPage.of(page, OPEN_PER_PAGE, store::openByDue, store::countOpen);
    }

    /**
     * The stored deadlines of open cases that a proposed change of the calendar ({@code proposed}: today's calendar with
     * the days from {@code first} to {@code last} changed) would count differently (H9 of gaps-review-xxv; RULES.md §5):
     * the case's own, counted from receipt and capped at the ceiling, and its department's answer still owed, counted
     * from routing. The stored dates are not changed: the credit office sees which cases to extend. Earliest first.
     */
    public List<DeadlineRecount> recountedUnder(WorkingCalendar proposed, LocalDate first, LocalDate last) {
        WorkingCalendar current = workingDays.calendar();
        List<DeadlineRecount> moved = new ArrayList<>();
        for (Objection o : store.openDueFrom(first)) {
            LocalDate received = o.receivedOn() != null ? o.receivedOn()
                    : LocalDate.ofInstant(o.filedAt(), clock.getZone());
            String path = "/console/objections/" + o.id();
            DeadlineRecount.recount(current, proposed, received, o.dueOn(), first, last)
                    .map(d -> min(d, deadlines.ceiling(proposed, received)))
                    .ifPresent(d -> moved.add(new DeadlineRecount("OBJECTION_DUE", o.id(), path, received, o.dueOn(),
                            d)));
            if (o.status() == ObjectionStatus.WITH_DEPARTMENT && o.answer() == null && o.routedAt() != null) {
                LocalDate routed = LocalDate.ofInstant(o.routedAt(), clock.getZone());
                DeadlineRecount.recount(current, proposed, routed, o.departmentDue(), first, last)
                        .ifPresent(d -> moved.add(new DeadlineRecount("OBJECTION_DEPARTMENT_DUE", o.id(), path,
                                routed, o.departmentDue(), d)));
            }
        }
        return moved;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    /**
     * What the console's dashboard shows: open cases, how many are past their deadline, how many were escalated to the
     * credit office, and how many fall due by the next working day.
     */
    public record Workload(int open, int overdue, int escalated, int dueSoon) {
    }

    public Workload workload() {
        LocalDate today = LocalDate.now(clock);
        int[] counts = store.openAndOverdue(today, workingDays.calendar().plusWorkingDays(today, 1));
        return new Workload(counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * What a providing department's 工作台 shows (finding K6; RULES.md §5): the routed cases awaiting its answer within
     * 3 working days, how many are past that, and the earliest deadline; the corrections it owes on decided cases,
     * how many are past their deadline, and the earliest. Read from the indexes of routed cases and of decisions whose
     * correction may still be owed, with no subject named.
     */
    public record DepartmentWorkload(int answers, int answersOverdue, LocalDate answersDue, int corrections,
                                     int correctionsOverdue, LocalDate correctionsDue) {
    }

    public DepartmentWorkload departmentWorkload(String departmentCode) {
        LocalDate today = LocalDate.now(clock);
        JdbcObjections.AnswersOwed answers = store.answersOwed(departmentCode, today);
        List<LocalDate> dues = new java.util.ArrayList<>();
        stillOwed(store.correctionsDecided(departmentCode),
                (d, r) -> dues.add(correctionDue(LocalDate.ofInstant(d.objection().decidedAt(), clock.getZone()))));
        dues.sort(null);
        return new DepartmentWorkload(answers.open(), answers.overdue(), answers.earliestDue(), dues.size(),
                (int) dues.stream().filter(due -> due.isBefore(today)).count(), dues.isEmpty() ? null : dues.get(0));
    }

    /**
     * What one pass of the deadline watch did; {@code correctionsEscalated}: the cases whose correction was overdue;
     * {@code revoked}: the open cases it ended because their department had revoked the record.
     */
    public record Watch(List<Objection> reminded, List<Objection> escalated, List<Objection> correctionsEscalated,
                        List<Objection> revoked) {
    }

    /**
     * The deadline watch, run as of {@code at} (the scheduled job passes the platform clock; tests pass a moved one):
     * cases due by the next working day are reminded once per deadline; cases past their deadline are escalated to the
     * credit office (the platform's own watch over RULES.md §5's deadlines, which name no reminder or escalation;
     * gaps review xl U13); so are, once, the corrections
     * decided on records (更正, 补充) that their department has not delivered within its 3 working days — the record
     * stays 异议中, known to be wrong, until it does — and the subject is told. A case on a record its department
     * revoked is ended first ({@link #endWithRevocation}): no deadline runs on it.
     */
    @Transactional
    public Watch watchDeadlines(Clock at) {
        List<Objection> revoked = endCasesOnRevokedRecords();
        LocalDate today = LocalDate.now(at);
        List<Objection> reminded = store.remind(today, workingDays.calendar().plusWorkingDays(today, 1));
        List<Objection> escalated = store.escalate(today, at.instant());
        for (Objection o : reminded) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.remind")
                    .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow())
                    .detail(AuditDetail.of("OBJECTION_REMINDED").with("handler", handlerOf(o)).with("due", o.dueOn())));
        }
        for (Objection o : escalated) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.escalate")
                    .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow())
                    .detail(AuditDetail.of("OBJECTION_ESCALATED").with("due", o.dueOn())));
        }
        return new Watch(reminded, escalated, escalateOverdueCorrections(at), revoked);
    }

    /**
     * Escalates the corrections overdue, once; those found no longer owed are settled, so that the watch reads only the
     * decisions whose correction may still be owed, not every one decided since the platform began.
     */
    private List<Objection> escalateOverdueCorrections(Clock at) {
        LocalDate today = LocalDate.now(at);
        List<JdbcObjections.DecidedCorrection> awaited = store.correctionsDecided();
        List<OwedCorrection> owed = owed(awaited);
        Set<UUID> stillOwed = owed.stream().map(c -> c.objection().id()).collect(Collectors.toSet());
        store.settleCorrections(awaited.stream().map(d -> d.objection().id()).filter(id -> !stillOwed.contains(id))
                .toList(), at.instant());
        List<Objection> escalated = new java.util.ArrayList<>();
        for (OwedCorrection c : owed) {
            Objection o = c.objection();
            if (c.escalated() || !c.overdue(today) || !store.escalateCorrection(o.id(), at.instant())) {
                continue;
            }
            notices.correctionEscalated(o, c.due());
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "objection.correctionEscalate")
                    .subject(subjects.pseudonymOf(o.subjectId()).orElseThrow())
                    .detail(AuditDetail.of("OBJECTION_CORRECTION_ESCALATED").with("department", o.departmentCode())
                            .with("due", c.due())));
            escalated.add(o);
        }
        return escalated;
    }

    /** Who is holding the case: the department while its answer is awaited, else the credit office. */
    private static String handlerOf(Objection o) {
        return o.status() == ObjectionStatus.WITH_DEPARTMENT && o.answer() == null ? o.departmentCode()
                : "CREDIT_OFFICE";
    }

    public List<Objection> recentlyDecided() {
        return store.recentlyDecided(50);
    }

    /** 回避: a clerk whose registered identity is the objector's takes no step of the case ({@link CaseRecusal}). */
    private void requireNotOwnCase(Objection o, String step) {
        recusal.requireNotOwnCase(subjects.pseudonymOf(o.subjectId()).orElseThrow(), step);
    }

    private static CodedProblem problem(String code, DomainProblem.Kind kind, String message) {
        return new CodedProblem(code, kind, message);
    }
}
