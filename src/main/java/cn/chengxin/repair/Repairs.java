package cn.chengxin.repair;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import cn.chengxin.account.CaseRecusal;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.RepairRequirement;
import cn.chengxin.commitment.Commitment;
import cn.chengxin.commitment.Commitments;
import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.catalog.domain.RepairAuthority;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.objection.Objections;
import cn.chengxin.repair.domain.HandEntryRepair;
import cn.chengxin.repair.domain.MinorProtection;
import cn.chengxin.repair.domain.RepairCommitmentTerm;
import cn.chengxin.repair.domain.RepairCommitmentText;
import cn.chengxin.repair.domain.RepairEnd;
import cn.chengxin.repair.domain.RepairDeadlines;
import cn.chengxin.repair.domain.RepairEligibility;
import cn.chengxin.repair.domain.RepairLimit;
import cn.chengxin.repair.domain.RepairStatus;
import cn.chengxin.repair.domain.RequiredMaterials;
import cn.chengxin.repair.persistence.JdbcRepairs;
import cn.chengxin.shared.City;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.CountedPage;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.EarlierReceipt;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.calendar.DeadlineRecount;
import cn.chengxin.shared.calendar.WorkingCalendar;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.files.Attachments;
import cn.chengxin.shared.files.ImageMetadata;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.SubjectNames;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.shared.privacy.IdentityRedaction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 信用修复 (RULES.md §6; 《信用修复管理办法》 Order No. 36): a person applies for a negative record once its minimum
 * period is served, with proof of performance and a signed 信用承诺书; a reviewer proposes approval and a second
 * reviewer approves (never the one who filed it at a counter, never the proposer), or either refuses with reasons.
 * Approval is one transaction: the record becomes 已修复 (no longer shown, shared or used), list entries resting on it
 * exit and their measures stop; scores and the exchange follow from the record change. No fee, ever.
 */
@Service
public class Repairs {

    private final JdbcRepairs store;
    private final CreditFile creditFile;
    private final Listing listing;
    private final Catalogue catalogue;
    private final Commitments commitments;
    private final SubjectRegistry subjects;
    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final City city;
    private final Clock clock;
    private final RepairDeadlines deadlines;
    private final MinorProtection minors;
    private final RepairLimit limit;
    private final RepairCommitmentTerm commitmentTerm;
    private final RepairNotices notices;
    private final Objections objections;
    private final StaffDirectory staff;
    private final CaseRecusal recusal;

    Repairs(JdbcRepairs store, CreditFile creditFile, Listing listing, Catalogue catalogue, Commitments commitments,
            SubjectRegistry subjects, WorkingDays workingDays, AuditLog audit, City city, Clock clock,
            RepairSettings settings, RepairNotices notices, Objections objections, StaffDirectory staff,
            CaseRecusal recusal) {
        this.recusal = recusal;
        this.notices = notices;
        this.staff = staff;
        this.objections = objections;
        this.store = store;
        this.creditFile = creditFile;
        this.listing = listing;
        this.catalogue = catalogue;
        this.commitments = commitments;
        this.subjects = subjects;
        this.workingDays = workingDays;
        this.audit = audit;
        this.city = city;
        this.clock = clock;
        this.minors = new MinorProtection(settings.minorSeverities());
        this.deadlines = settings.repairDeadlines();
        this.limit = new RepairLimit(settings.maxApprovedPerYear());
        this.commitmentTerm = settings.commitmentTerm();
    }

    /** The configured deadlines (RULES.md §6), which the pages state as they are. */
    public RepairDeadlines deadlines() {
        return deadlines;
    }

    /** An uploaded file, as the web layer read it; {@code kind}: PROOF, VOLUNTEER, DONATION, TRAINING, CREDIT_REPORT. */
    public record Upload(String kind, String filename, byte[] content) {
    }

    /** A negative record of the subject that is shown, with when it may be repaired (the 信用修复告知书's facts). */
    public record Repairable(FileEntry record, ItemDefinition item, RepairEligibility eligibility,
                             boolean protectedMinor, Optional<RepairApplication> open) {

        public boolean periodServed(LocalDate today) {
            return eligibility.periodServed(today);
        }
    }

    /** When each of the subject's shown negative records may be repaired (两书同达: the notice comes with the record). */
    public Map<UUID, Repairable> repairable(UUID subjectId) {
        ItemVersions items = catalogue.versionsEverInForce();
        LocalDate birth = subjects.profile(subjectId).map(SubjectProfile::birthDate).orElse(null);
        Map<UUID, RepairApplication> open = new HashMap<>();
        store.ofSubject(subjectId).stream().filter(a -> a.status().open()).forEach(a -> open.put(a.recordKey(), a));
        Map<UUID, Repairable> result = new java.util.LinkedHashMap<>();
        for (FileEntry e : creditFile.fileOf(subjectId)) {
            repairableOf(e, items, birth, Optional.ofNullable(open.get(e.recordKey())))
                    .ifPresent(r -> result.put(e.recordKey(), r));
        }
        return result;
    }

    /**
     * One record of {@link #repairable(UUID)}, read by its key rather than found in the whole file (gaps review xxxv
     * P11): the same rules, applied to the one record.
     */
    public Repairable repairable(UUID subjectId, UUID recordKey) {
        return repairableRecord(subjectId, recordKey).orElseThrow(() -> problem("REPAIR_RECORD_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "您的信用档案中没有这条可修复的失信记录"));
    }

    private Optional<Repairable> repairableRecord(UUID subjectId, UUID recordKey) {
        return creditFile.record(subjectId, recordKey).flatMap(e -> repairableOf(e, catalogue.versionsEverInForce(),
                subjects.profile(subjectId).map(SubjectProfile::birthDate).orElse(null),
                store.openOn(List.of(recordKey)).stream().filter(a -> a.subjectId().equals(subjectId)).findFirst()));
    }

    /** The record as {@link #repairable(UUID)} lists it: a shown negative record whose item allows repair; else empty. */
    private Optional<Repairable> repairableOf(FileEntry e, ItemVersions items, LocalDate birth,
                                              Optional<RepairApplication> open) {
        ItemDefinition item = items.of(e.itemCode(), e.itemVersion()).orElse(null);
        if (item == null || !e.status().shown()) {
            return Optional.empty();
        }
        RepairEligibility eligibility = RepairEligibility.of(item, e.decisionDate());
        if (eligibility.kind() == RepairEligibility.Kind.NOT_APPLICABLE) {
            return Optional.empty();
        }
        // A court's or a listing department's own decision stays theirs to end, a minor's included (RULES.md §7).
        boolean minor = eligibility.byPlatform() && minors.protects(item.severity(), birth, e.decisionDate());
        return Optional.of(new Repairable(e, item, minor ? RepairEligibility.protectedMinor(e.decisionDate())
                : eligibility, minor, open));
    }

    /** The 信用承诺书 the subject signs for this record, exactly as it will be kept. */
    public String commitmentText(UUID subjectId, UUID recordKey) {
        Repairable r = repairable(subjectId, recordKey);
        SubjectProfile p = subjects.profile(subjectId).orElseThrow();
        return RepairCommitmentText.of(p.name(), p.maskedNumber(), r.item().name(), r.record().decisionNumber(),
                r.record().decisionDate(), city.name());
    }

    /**
     * Applies for repair of one record: refused before the minimum period with the date it becomes possible, without
     * proof of performance, without a material the item's repair asks for ({@code REPAIR_REQUIREMENT_MISSING}, naming
     * it), without the commitment signed in the subject's own name, or while an application for the record is open; the
     * attachments are checked before anything is stored.
     *
     * @param signature   the name the applicant typed to sign the commitment (must be the subject's name)
     * @param counterStaff the staff member filing at a counter for the subject, or null in self-service
     */
    @Transactional
    public UUID apply(UUID subjectId, UUID recordKey, String performance, String signature, List<Upload> uploads,
                      String counterStaff) {
        // The applicant signed in before: under the subject they are now, should their files have been joined since.
        return applyOnRecord(subjects.keptSubjectHoldingJoins(subjectId), recordKey, performance, signature, uploads,
                counterStaff, null);
    }

    /** {@link #apply}, received on {@code earlier}'s day in the old system when it is not null (review X7). */
    private UUID applyOnRecord(UUID subjectId, UUID recordKey, String performance, String signature,
                               List<Upload> uploads, String counterStaff, EarlierReceipt earlier) {
        List<String> types = uploads.stream().map(u -> Attachments.check(u.filename(), u.content())).toList();
        Attachments.requireCount(uploads.size(), "一份修复申请");
        Repairable r = repairable(subjectId, recordKey);
        requireRepairedHere(r);
        LocalDate today = LocalDate.now(clock);
        if (r.record().status() != RecordStatus.ACTIVE && objections.awaitsCorrection(subjectId, recordKey)) {
            // Known to be wrong until its department delivers the corrected version (RULES.md §5): repairing it now
            // would end the publication of a record nobody has got right yet.
            throw problem("REPAIR_RECORD_AWAITING_CORRECTION", DomainProblem.Kind.CONFLICT,
                    "该记录经异议处理决定更正或补充，提供单位报送更正后的记录前不能申请信用修复");
        }
        if (r.record().status() != RecordStatus.ACTIVE) {
            throw problem("REPAIR_RECORD_IN_DISPUTE", DomainProblem.Kind.CONFLICT, "该记录正在异议处理中，办结后再申请修复");
        }
        if (!r.periodServed(today)) {
            throw problem("REPAIR_TOO_EARLY", DomainProblem.Kind.INVALID_INPUT,
                    "该记录的最短公示期尚未届满，" + r.eligibility().from() + " 起可申请信用修复");
        }
        requireMaterials(r.item(), uploads);
        return file(subjectId, new Target(recordKey, null, r.record().itemCode(), null, r.record().departmentCode(),
                r.record().decisionNumber(), r.item().name()), commitmentText(subjectId, recordKey), performance,
                signature, uploads, types, counterStaff, earlier);
    }

    /**
     * The materials the record's item version asks for its repair (RULES.md §6: training, a credit report, volunteering
     * or a donation, as the sector's rule asks): refused naming each one missing, before anything is stored.
     */
    private static void requireMaterials(ItemDefinition item, List<Upload> uploads) {
        List<RepairRequirement> missing = RequiredMaterials.missing(item.repairRequirements(),
                uploads.stream().map(Upload::kind).toList());
        if (!missing.isEmpty()) {
            throw problem("REPAIR_REQUIREMENT_MISSING", DomainProblem.Kind.INVALID_INPUT, "“" + item.name()
                    + "”的信用修复须提交：" + String.join("、", missing.stream().map(RepairRequirement::label).toList())
                    + "（" + String.join(", ", missing.stream().map(Enum::name).toList()) + "）");
        }
    }

    /** What an application is for: a record (and its item), or a list entry proposed by hand (and its list). */
    private record Target(UUID recordKey, UUID entryId, String itemCode, ListType listType, String departmentCode,
                          String decisionNumber, String name) {
    }

    /**
     * Files an application whose target was found repairable now: the conditions every repair shares (RULES.md §6) —
     * the applicant's account of performance, proof, the yearly limit, the commitment signed in their own name — then
     * the application, its commitment and its materials, in the caller's transaction.
     */
    private UUID file(UUID subjectId, Target target, String commitmentText, String performance, String signature,
                      List<Upload> uploads, List<String> types, String counterStaff, EarlierReceipt earlier) {
        // Received today, or on the day the old system received it: the feedback is due counted from then (RULES.md
        // §6, from receipt; review X7).
        LocalDate received = earlier != null ? earlier.receivedOn() : LocalDate.now(clock);
        // The applicant's own words, kept; an identity number written into them is kept masked (RULES.md §10).
        String text = performance == null ? "" : IdentityRedaction.redact(performance.strip());
        if (text.isEmpty() || text.length() > 2000) {
            throw problem("REPAIR_PERFORMANCE", DomainProblem.Kind.INVALID_INPUT, "请说明纠正失信行为、履行法定义务的情况（不超过 2000 字）");
        }
        if (uploads.stream().noneMatch(u -> "PROOF".equals(u.kind()))) {
            throw problem("REPAIR_PROOF_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "请上传履行法定义务的证明材料");
        }
        requireUnderLimit(subjectId);
        SubjectProfile p = subjects.profile(subjectId).orElseThrow();
        // Signed in the person's own name, however written (SubjectNames; gaps review xxvii I6).
        if (signature == null || !SubjectNames.same(p.name(), signature.strip())) {
            throw problem("REPAIR_COMMITMENT_UNSIGNED", DomainProblem.Kind.INVALID_INPUT, "请阅读信用承诺书并输入本人姓名签署");
        }
        UUID id = Ids.newId();
        Instant now = clock.instant();
        Commitment commitment = commitments.sign(subjectId, CommitmentKind.REPAIR, commitmentText,
                "信用修复申请 " + id, null, null, counterStaff == null ? "本人" : "窗口代办：" + counterStaff);
        RepairApplication application = new RepairApplication(id, subjectId, target.recordKey(), target.itemCode(),
                target.departmentCode(), target.decisionNumber(), text, commitment.id(),
                counterStaff == null ? "本人" : "窗口代办：" + counterStaff, counterStaff, now, RepairStatus.APPLIED,
                deadlines.feedbackDue(workingDays.calendar(), received), null, null, null, null, 0, null, null, null,
                null, 0, target.entryId(), target.listType(), null, earlier == null ? null : earlier.receivedOn(),
                earlier == null ? null : earlier.reference());
        if (!store.insert(application)) {
            throw problem("REPAIR_ALREADY_APPLIED", DomainProblem.Kind.CONFLICT,
                    target.entryId() == null ? "该记录已有正在办理的修复申请" : "该名单条目已有正在办理的修复申请");
        }
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String kind = switch (u.kind()) {
                case "PROOF", "VOLUNTEER", "DONATION", "TRAINING", "CREDIT_REPORT" -> u.kind();
                default -> throw problem("REPAIR_ATTACHMENT_KIND", DomainProblem.Kind.INVALID_INPUT, "未知的材料类型");
            };
            // Its name is shown to reviewers: one named after a person's number is kept masked (RULES.md §10). A
            // picture is kept without where and with what it was taken (M4); the digest is that of the file kept.
            byte[] kept = ImageMetadata.strip(u.content(), types.get(i));
            store.insertAttachment(Ids.newId(), id, kind, IdentityRedaction.redact(u.filename()), types.get(i), kept,
                    Attachments.sha256(kept), now);
        }
        notices.received(application, target.name());
        AuditDetail applied = target.entryId() == null
                ? AuditDetail.of("REPAIR_APPLIED").with("item", target.itemCode())
                        .with("decision", target.decisionNumber())
                : AuditDetail.of("REPAIR_APPLIED_ENTRY").withLabel("list", listKey(target.listType()))
                        .with("entry", target.entryId());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.apply")
                .subject(subjects.pseudonymOf(subjectId).orElseThrow())
                .detail(applied.with("materials", uploads.size())));
        if (earlier != null) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.earlier-receipt")
                    .subject(subjects.pseudonymOf(subjectId).orElseThrow())
                    .detail(AuditDetail.of("REPAIR_EARLIER_RECEIPT").with("receivedOn", earlier.receivedOn())
                            .with("reference", earlier.reference())));
        }
        return id;
    }

    // ---- list entries proposed by hand (finding #8)

    /**
     * A list entry of the subject that a department proposed by hand and that is in force: it rests on no record, yet
     * its notices promise repair (RULES.md §6). When it may be repaired follows from its list and the day of its act
     * ({@link HandEntryRepair}), {@code countedFrom}; an entry proposed before act days were kept counts from the day
     * it took effect, which is never earlier.
     */
    public record RepairableEntry(ListEntry entry, LocalDate countedFrom, RepairEligibility eligibility,
                                  Optional<RepairApplication> open) {

        public boolean periodServed(LocalDate today) {
            return eligibility.periodServed(today);
        }

        /** What the notice, the form and the commitment name: the list, as proposed by hand. */
        public String name() {
            return entry.listType().label() + "（" + entry.ruleName() + "）";
        }
    }

    /** The subject's entries proposed by hand that are in force, by entry id, with when each may be repaired. */
    public Map<UUID, RepairableEntry> repairableEntries(UUID subjectId) {
        Map<UUID, RepairApplication> open = new HashMap<>();
        store.ofSubject(subjectId).stream().filter(a -> a.status().open() && a.ofEntry())
                .forEach(a -> open.put(a.entryId(), a));
        Map<UUID, RepairableEntry> result = new java.util.LinkedHashMap<>();
        Set<String> courts = null;
        for (ListEntry e : listing.entriesOf(subjectId)) {
            if (e.recordKey() != null || e.status() != EntryStatus.EFFECTIVE) {
                continue;
            }
            if (courts == null) {
                courts = courtDepartments();
            }
            LocalDate from = e.actDay() != null ? e.actDay() : LocalDate.ofInstant(e.effectiveFrom(), clock.getZone());
            RepairEligibility eligibility = HandEntryRepair.eligibility(e.listType(), from,
                    HandEntryRepair.courtsListing(e.legalBasis(), courts.contains(e.departmentCode())));
            if (eligibility.kind() != RepairEligibility.Kind.NOT_APPLICABLE) {
                result.put(e.id(), new RepairableEntry(e, from, eligibility, Optional.ofNullable(open.get(e.id()))));
            }
        }
        return result;
    }

    public RepairableEntry repairableEntry(UUID subjectId, UUID entryId) {
        RepairableEntry r = repairableEntries(subjectId).get(entryId);
        if (r == null) {
            throw problem("REPAIR_RECORD_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "您没有这个可修复的名单条目");
        }
        return r;
    }

    /** The 信用承诺书 the subject signs for an entry proposed by hand, exactly as it will be kept. */
    public String entryCommitmentText(UUID subjectId, UUID entryId) {
        RepairableEntry r = repairableEntry(subjectId, entryId);
        SubjectProfile p = subjects.profile(subjectId).orElseThrow();
        // No decision number or date stands behind it: the commitment names the list and the day of the act.
        String named = r.entry().actDay() == null ? r.name() : r.entry().listType().label() + "（" + r.entry().ruleName()
                + "，行为发生日期 " + r.entry().actDay() + "）";
        return RepairCommitmentText.of(p.name(), p.maskedNumber(), named, null, null, city.name());
    }

    /**
     * Applies for repair of a list entry proposed by hand, on the conditions of a record's repair (RULES.md §6): its
     * minimum period served, not while an objection against it is heard, not when a court decided it, proof and the
     * commitment signed in the subject's own name; reviewed by two people as a record's is ({@link #propose},
     * {@link #approve}).
     */
    @Transactional
    public UUID applyForEntry(UUID subjectId, UUID entryId, String performance, String signature,
                              List<Upload> uploads, String counterStaff) {
        return applyOnEntry(subjects.keptSubjectHoldingJoins(subjectId), entryId, performance, signature, uploads,
                counterStaff, null);
    }

    /** {@link #applyForEntry}, received on {@code earlier}'s day in the old system when it is not null (review X7). */
    private UUID applyOnEntry(UUID subjectId, UUID entryId, String performance, String signature,
                              List<Upload> uploads, String counterStaff, EarlierReceipt earlier) {
        List<String> types = uploads.stream().map(u -> Attachments.check(u.filename(), u.content())).toList();
        Attachments.requireCount(uploads.size(), "一份修复申请");
        RepairableEntry r = repairableEntry(subjectId, entryId);
        requireRepairedHere(r.eligibility());
        if (r.entry().disputed()) {
            throw problem("REPAIR_RECORD_IN_DISPUTE", DomainProblem.Kind.CONFLICT, "该名单条目正在异议处理中，办结后再申请修复");
        }
        if (!r.periodServed(LocalDate.now(clock))) {
            throw problem("REPAIR_TOO_EARLY", DomainProblem.Kind.INVALID_INPUT,
                    "该名单条目的最短公示期尚未届满，" + r.eligibility().from() + " 起可申请信用修复");
        }
        return file(subjectId, new Target(null, entryId, null, r.entry().listType(), r.entry().departmentCode(), null,
                r.name()), entryCommitmentText(subjectId, entryId), performance, signature, uploads, types,
                counterStaff, earlier);
    }

    /**
     * The departments that are courts: those reporting items whose repair the court decides (RULES.md §7). What they
     * propose by hand is the court's own listing.
     */
    private Set<String> courtDepartments() {
        Set<String> courts = new HashSet<>();
        for (var d : staff.departments()) {
            if (d.dataScope().stream().anyMatch(code -> catalogue.active(code)
                    .map(i -> i.definition().repairAuthority() == RepairAuthority.COURT).orElse(false))) {
                courts.add(d.code());
            }
        }
        return courts;
    }

    /**
     * 窗口代办: staff file an application for the subject, naming the record by its decision number. A passport or
     * travel-permit holder is named with {@code documentType} ({@link DocumentType#named}: DOCUMENT_TYPE_UNKNOWN for
     * any other text); without one the number is read as a resident identity number or a credit code. One
     * transaction, like {@link #apply}: called from here, apply's own {@code @Transactional} is not applied (a call
     * within the bean skips its proxy), and the commitment signed would stay when the application is refused.
     */
    @Transactional
    public UUID applyAtCounter(String subjectNumber, String documentType, String decisionNumber, String performance,
                               String signature, List<Upload> uploads) {
        return applyAtCounter(subjectNumber, documentType, decisionNumber, performance, signature, uploads, null, null);
    }

    /**
     * {@link #applyAtCounter(String, String, String, String, String, List)} of an application the old system received
     * before the cut-over (review X7): {@code oldReceivedOn} (收件日期) and {@code oldReference} (its case number there),
     * both or neither; the feedback is due counted from that day (RULES.md §6: 10 working days from receipt;
     * {@link RepairDeadlines#earlierReceipt}), the day and the number kept with the application and audited.
     */
    @Transactional
    public UUID applyAtCounter(String subjectNumber, String documentType, String decisionNumber, String performance,
                               String signature, List<Upload> uploads, LocalDate oldReceivedOn, String oldReference) {
        EarlierReceipt earlier = deadlines.earlierReceipt(oldReceivedOn, oldReference, LocalDate.now(clock),
                workingDays.calendar());
        // Found with joins held off until the application, its commitment and its materials are stored: a join
        // approved meanwhile waits, then moves them with the rest; one approved before is found here (98号 三(一)).
        UUID subjectId = subjects.findHoldingJoins(subjects.validate(DocumentType.named(documentType), subjectNumber))
                .orElseThrow(() -> problem("REPAIR_SUBJECT_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "平台没有该主体的信用档案"));
        String wanted = decisionNumber == null ? "" : decisionNumber.strip();
        String staffId = AuditLog.currentActor().actorId();
        Optional<UUID> recordKey = repairable(subjectId).values().stream()
                .filter(r -> wanted.equals(r.record().decisionNumber())).map(r -> r.record().recordKey()).findFirst();
        if (recordKey.isPresent()) {
            return applyOnRecord(subjectId, recordKey.get(), performance, signature, uploads, staffId, earlier);
        }
        // An entry proposed by hand has no decision number: it is named by its entry number (finding #8).
        UUID entryId = repairableEntries(subjectId).keySet().stream().filter(k -> k.toString().equalsIgnoreCase(wanted))
                .findFirst().orElseThrow(() -> problem("REPAIR_RECORD_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "该主体没有这个文书号的可修复记录，也没有这个编号的人工认定名单条目"));
        return applyOnEntry(subjectId, entryId, performance, signature, uploads, staffId, earlier);
    }

    /** First review (初审): proposes approval; the authority then decides within 3 working days. */
    @Transactional
    public void propose(UUID id, int version, String note) {
        // Staff texts are kept and shown as written (RULES.md §10: no identity number in clear).
        TypedText.requireNoIdentityNumber("note", "初审意见", note);
        RepairApplication a = find(id);
        Actor by = AuditLog.currentActor();
        requireNotApplicant(a, by);
        requireNotOwnCase(a, "repair.propose");
        // A mistyped number passes the refusal (no valid check character) and is kept masked (issue #7).
        if (!store.propose(id, version, by.actorId(), clock.instant(),
                note == null ? null : IdentityRedaction.redact(note.strip()),
                deadlines.decisionDue(workingDays.calendar(), LocalDate.now(clock)))) {
            throw alreadyDecided();
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.propose")
                .subject(subjects.pseudonymOf(a.subjectId()).orElseThrow())
                .detail(concerning(AuditDetail.of("REPAIR_PROPOSED"), a)));
    }

    /**
     * Approves a proposed repair — exactly one approval even when two reviewers approve at once — and applies its
     * effects in the same transaction: the record stops being shown, shared and used, and the list entries resting on
     * it exit (their measures stop at once); so do the responsible persons' linked copies of an organisation's record.
     * Refused when the record changed meanwhile (nothing happens then), and when the subject reached the yearly limit
     * since applying (RULES.md §6): applications filed together were each under it, so it is counted again here,
     * under a lock that lets one approval of the subject's repairs run at a time.
     */
    @Transactional
    public void approve(UUID id, int version) {
        RepairApplication a = find(id);
        Actor by = AuditLog.currentActor();
        requireNotApplicant(a, by);
        requireNotOwnCase(a, "repair.approve");
        if (by.actorId().equals(a.proposedBy())) {
            throw problem("REPAIR_SAME_REVIEWER", DomainProblem.Kind.FORBIDDEN, "初审同意的人不能再复核批准同一申请");
        }
        if (a.ofEntry()) {
            approveEntry(a, version, by);
            return;
        }
        // An application filed before its item was known to be another authority's is refused, never approved: the
        // approval would end the court's or the department's listing (RULES.md §7).
        Repairable repairable = repairableRecord(a.subjectId(), a.recordKey()).orElse(null);
        if (repairable != null) {
            requireRepairedHere(repairable);
        }
        if (limit.limited()) {
            store.lockApprovalsOf(a.subjectId());
            requireUnderLimit(a.subjectId());
        }
        if (!store.decide(id, version, RepairStatus.APPROVED, by.actorId(), clock.instant(), "准予信用修复")) {
            throw alreadyDecided();
        }
        // The record's history names who acted as every other step does (操作人): the reviewer's name, not the account id.
        if (!creditFile.changeStatus(a.subjectId(), a.recordKey(), EnumSet.of(RecordStatus.ACTIVE),
                RecordStatus.REPAIRED, by.actorName(), "信用修复：" + a.id())) {
            throw problem("REPAIR_RECORD_CHANGED", DomainProblem.Kind.CONFLICT,
                    "该记录状态已变化（异议、撤销或公示期满），本次不予批准，请刷新后处理");
        }
        exitEntries(a.subjectId(), a.recordKey());
        // An organisation's record is recorded on its responsible persons too (RULES.md §1): repaired, it stops being
        // shown and used on them as well, a copy in dispute included; a copy's own repair stays with that copy.
        var copies = creditFile.changeStatusOfCopies(a.subjectId(), a.recordKey(),
                EnumSet.of(RecordStatus.ACTIVE, RecordStatus.IN_DISPUTE), RecordStatus.REPAIRED, by.actorName(),
                "信用修复：" + a.id());
        copies.forEach(copy -> exitEntries(copy.subjectId(), copy.recordKey()));
        termCommitment(a, repairable == null ? null : repairable.record().publicationEnd());
        notices.decided(a, itemName(a), true, null, LocalDate.now(clock));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.approve")
                .subject(subjects.pseudonymOf(a.subjectId()).orElseThrow())
                .detail(copies.isEmpty() ? AuditDetail.of("REPAIR_APPROVED").with("item", a.itemCode())
                        : AuditDetail.of("REPAIR_APPROVED_COPIES").with("item", a.itemCode())
                        .with("copies", copies.size())));
    }

    /**
     * Approves the repair of an entry proposed by hand: in the same transaction the entry exits with 信用修复 and its
     * measures stop (RULES.md §6). Refused when it is no longer in force (an objection upheld, its last day passed)
     * or turned out a court's listing meanwhile.
     */
    private void approveEntry(RepairApplication a, int version, Actor by) {
        RepairableEntry entry = repairableEntries(a.subjectId()).get(a.entryId());
        if (entry != null) {
            requireRepairedHere(entry.eligibility());
        }
        if (limit.limited()) {
            store.lockApprovalsOf(a.subjectId());
            requireUnderLimit(a.subjectId());
        }
        if (!store.decide(a.id(), version, RepairStatus.APPROVED, by.actorId(), clock.instant(), "准予信用修复")) {
            throw alreadyDecided();
        }
        if (entry == null || entry.entry().disputed()) {
            throw problem("REPAIR_RECORD_CHANGED", DomainProblem.Kind.CONFLICT,
                    "该名单条目状态已变化（异议、移出或有效期届满），本次不予批准，请刷新后处理");
        }
        listing.exit(a.entryId(), "信用修复");
        termCommitment(a, entry.entry().validUntil());
        notices.decided(a, entry.name(), true, null, LocalDate.now(clock));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.approve")
                .subject(subjects.pseudonymOf(a.subjectId()).orElseThrow())
                .detail(AuditDetail.of("REPAIR_APPROVED_ENTRY").withLabel("list", listKey(a.listType()))
                        .with("entry", a.entryId())));
    }

    /**
     * The commitment signed with an approved repair runs until the repaired record's (or entry's) original last day of
     * display, or the configured months when it had none ({@link RepairCommitmentTerm}; G11, RULES.md §6): kept after
     * that, and no longer open to a report of breach.
     */
    private void termCommitment(RepairApplication a, LocalDate publicationEnd) {
        commitments.term(a.commitmentId(), commitmentTerm.until(LocalDate.now(clock), publicationEnd));
    }

    /** The open list entries resting on a repaired record exit: their measures stop at once (RULES.md §6). */
    private void exitEntries(UUID subjectId, UUID recordKey) {
        for (ListEntry entry : listing.entriesOf(subjectId)) {
            if (recordKey.equals(entry.recordKey()) && entry.status().open()) {
                listing.exit(entry.id(), "信用修复");
            }
        }
    }

    /** Refuses, with the reasons the applicant reads; from either open state. */
    @Transactional
    public void refuse(UUID id, int version, String reasons) {
        if (reasons == null || reasons.isBlank() || reasons.length() > 2000) {
            throw problem("REPAIR_REASONS_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "不予修复须写明理由（申请人可见，不超过 2000 字）");
        }
        TypedText.requireNoIdentityNumber("reasons", "不予修复理由", reasons);
        RepairApplication a = find(id);
        Actor by = AuditLog.currentActor();
        requireNotApplicant(a, by);
        requireNotOwnCase(a, "repair.refuse");
        // Read by the applicant, in the notice too: a mistyped number passes the refusal and is kept masked (issue #7).
        String kept = IdentityRedaction.redact(reasons.strip());
        if (!store.decide(id, version, RepairStatus.REFUSED, by.actorId(), clock.instant(), kept)) {
            throw alreadyDecided();
        }
        // RULES.md §6: the commitment was a condition of this repair, which will not happen: it lapses, in this
        // transaction, and cannot be reported breached (G11).
        commitments.lapse(a.commitmentId(), "信用修复申请不予修复");
        notices.decided(a, itemName(a), false, kept, LocalDate.now(clock));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.refuse")
                .subject(subjects.pseudonymOf(a.subjectId()).orElseThrow())
                .detail(concerning(AuditDetail.of("REPAIR_REFUSED"), a)));
    }

    /** Records the one extension an application may have (延期), with its reason: the deadline moves by its days. */
    @Transactional
    public void extend(UUID id, int version, int days, String reason) {
        TypedText.requireNoIdentityNumber("reason", "延期理由", reason);
        RepairApplication a = find(id);
        if (reason == null || reason.isBlank() || days < 1 || days > deadlines.maxExtensionDays()) {
            throw problem("REPAIR_EXTENSION_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "延期须写明理由，天数为 1 至 " + deadlines.maxExtensionDays() + " 个工作日");
        }
        requireNotOwnCase(a, "repair.extend");
        var calendar = workingDays.calendar();
        String kept = IdentityRedaction.redact(reason.strip()); // a mistyped number, not refused, kept masked
        if (!store.extend(id, version, days, kept, deadlines.extended(calendar, a.feedbackDue(), days),
                a.decisionDue() == null ? null : deadlines.extended(calendar, a.decisionDue(), days))) {
            throw problem("REPAIR_ALREADY_EXTENDED", DomainProblem.Kind.CONFLICT, "该申请已办结、已延期过或已被他人更新");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.extend")
                .subject(subjects.pseudonymOf(a.subjectId()).orElseThrow())
                .detail(AuditDetail.of("REPAIR_EXTENDED").with("days", days).with("reason", kept)));
        notices.extended(a, itemName(a), days, kept, find(id).dueOn());
    }

    /**
     * The applicant withdraws their open application (G8): it ends (已撤回) with no decision on the repair, and the
     * commitment signed with it lapses in the same transaction (RULES.md §6: it was a condition of this repair).
     * Another person's application is unknown to them; one no longer open cannot be withdrawn.
     */
    @Transactional
    public void withdraw(UUID subjectId, UUID id) {
        RepairApplication a = find(id);
        if (!a.subjectId().equals(subjectId)) {
            throw problem("REPAIR_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这份修复申请");
        }
        if (!store.end(id, null, RepairStatus.WITHDRAWN, "本人", clock.instant(), RepairEnd.WITHDRAWN.reason())) {
            throw problem("REPAIR_NOT_OPEN", DomainProblem.Kind.CONFLICT, "该申请已办结或已终结，不能撤回");
        }
        commitments.lapse(a.commitmentId(), "信用修复申请已撤回");
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.withdraw")
                .subject(subjects.pseudonymOf(a.subjectId()).orElseThrow())
                .detail(concerning(AuditDetail.of("REPAIR_WITHDRAWN"), a)));
    }

    /**
     * An open application whose record changed (G8; {@link RecordsUnderRepair}), in the transaction of the change: it
     * ends when the record left display or was replaced ({@link RepairEnd}), with a notice, its commitment lapsed and
     * an audit entry; while the record is in dispute its deadline stands still from today, and it runs again, moved
     * by the working days of the pause, once the dispute ends with the record shown as it was.
     */
    void recordChanged(RepairApplication a, FileEntry record) {
        LocalDate today = LocalDate.now(clock);
        boolean replaced = record.acceptedAt() != null && record.acceptedAt().isAfter(a.filedAt());
        Optional<RepairEnd> end = RepairEnd.of(record.status(), replaced);
        String subject = subjects.pseudonymOf(a.subjectId()).orElseThrow();
        if (end.isPresent()) {
            if (store.end(a.id(), null, RepairStatus.ENDED, "平台", clock.instant(), end.get().reason())) {
                commitments.lapse(a.commitmentId(), "信用修复申请终结：" + end.get().reason());
                notices.ended(a, itemName(a), end.get().reason());
                audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.end").subject(subject)
                        .detail(concerning(AuditDetail.of(end.get() == RepairEnd.CHANGED ? "REPAIR_ENDED_CHANGED"
                                : "REPAIR_ENDED"), a).withLabel("status", "file.status." + record.status().name())));
            }
        } else if (record.status() == RecordStatus.IN_DISPUTE && !a.paused()) {
            if (store.pause(a.id(), today)) {
                audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.pause").subject(subject)
                        .detail(concerning(AuditDetail.of("REPAIR_PAUSED"), a).with("from", today)));
            }
        } else if (record.status() == RecordStatus.ACTIVE && a.paused()) {
            var calendar = workingDays.calendar();
            LocalDate feedbackDue = deadlines.resumed(calendar, a.feedbackDue(), a.pausedSince(), today);
            LocalDate decisionDue = a.decisionDue() == null ? null
                    : deadlines.resumed(calendar, a.decisionDue(), a.pausedSince(), today);
            if (store.resume(a.id(), feedbackDue, decisionDue)) {
                audit.record(AuditEntry.of(AuditCategory.PROCESSING, "repair.resume").subject(subject)
                        .detail(concerning(AuditDetail.of("REPAIR_RESUMED"), a).with("due",
                                decisionDue != null && a.status() == RepairStatus.PROPOSED ? decisionDue
                                        : feedbackDue)));
            }
        }
    }

    /**
     * An audit detail (K7) with what the application concerns as its next value: the item's code, or for a list entry
     * proposed by hand the list's name ({@code lists.type.*}), which the auditor reads in their own language.
     */
    private static AuditDetail concerning(AuditDetail detail, RepairApplication a) {
        return a.ofEntry() ? detail.withLabel("concerning", listKey(a.listType()))
                : detail.with("concerning", a.itemCode());
    }

    private static String listKey(ListType list) {
        return "lists.type." + list.name();
    }

    public RepairApplication find(UUID id) {
        return store.find(id).orElseThrow(() -> problem("REPAIR_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这份修复申请"));
    }

    public List<RepairApplication> of(UUID subjectId) {
        return store.ofSubject(subjectId);
    }

    /** 我的信用修复 page by page (finding K9): the applications filed before {@code before} (null: the newest). */
    public cn.chengxin.shared.OlderPage<RepairApplication> page(UUID subjectId, UUID before, int size) {
        return cn.chengxin.shared.OlderPage.of(store.ofSubjectOlderThan(subjectId, before, size), size,
                RepairApplication::id);
    }

    /** Open applications the queue shows on a page (K5 of gaps-review-xxix: all are reachable, page by page). */
    public static final int OPEN_PER_PAGE = 100;

    /**
     * A page of the open applications, the earliest deadline first, with how many are open in all: however many wait,
     * each is on some page (RULES.md §6: every application is answered within its deadline).
     */
    public CountedPage<RepairApplication> open(int page) {
        return CountedPage.of(page, OPEN_PER_PAGE, store::open, store::countOpen);
    }

    /**
     * The stored deadlines of open applications that a proposed change of the calendar ({@code proposed}: today's
     * calendar with the days from {@code first} to {@code last} changed) would count differently (H9 of gaps-review-xxv;
     * RULES.md §6): the authority's decision once proposed, counted from the proposal, else the platform's feedback,
     * counted from receipt (the filing, or the old system's day, review X7; extensions and pauses kept in the number of
     * working days). The stored dates are not changed.
     */
    public List<DeadlineRecount> recountedUnder(WorkingCalendar proposed, LocalDate first, LocalDate last) {
        WorkingCalendar current = workingDays.calendar();
        List<DeadlineRecount> moved = new ArrayList<>();
        for (RepairApplication a : store.openDueFrom(first)) {
            boolean deciding = a.status() == RepairStatus.PROPOSED && a.decisionDue() != null && a.proposedAt() != null;
            LocalDate start = deciding ? LocalDate.ofInstant(a.proposedAt(), clock.getZone())
                    : a.receivedOn(clock.getZone());
            DeadlineRecount.recount(current, proposed, start, a.dueOn(), first, last)
                    .ifPresent(d -> moved.add(new DeadlineRecount(deciding ? "REPAIR_DECISION_DUE"
                            : "REPAIR_FEEDBACK_DUE", a.id(), "/console/repairs/" + a.id(), start, a.dueOn(), d)));
        }
        return moved;
    }

    /**
     * One application as the reviewers handle it — the applicant's statement of performance, materials and signed
     * commitment: the look is recorded about the applicant before anything is shown (RULES.md §9, §10: staff reads of
     * a person's data are logged with their purpose and show on 谁查询了我; F8). The queue lists applications masked.
     */
    public RepairApplication look(UUID id) {
        RepairApplication a = find(id);
        StaffQueryPurpose purpose = StaffQueryPurpose.CREDIT_REPAIR;
        audit.record(AuditEntry.of(AuditCategory.QUERY, "repair.view")
                .subject(subjects.pseudonymOf(a.subjectId()).orElseThrow())
                .purpose(purpose.label(), purpose.legalBasis())
                .detail(concerning(AuditDetail.of("REPAIR_VIEWED").with("application", a.id()), a)));
        return a;
    }

    /**
     * 按证件查找 (K5 of gaps-review-xxix): every application of the person named by their document, open and decided, so
     * that a clerk can tell them why a repair was refused (RULES.md §6). The number is posted, never in an address; the
     * look is recorded about the applicant before anything is shown (RULES.md §9, §10), as opening an application is.
     */
    public List<RepairApplication> ofPerson(String documentType, String number) {
        StaffQueryPurpose purpose = StaffQueryPurpose.CREDIT_REPAIR;
        return store.ofSubject(subjects.searchedFor(documentType, number, "REPAIR_SUBJECT_UNKNOWN",
                pseudonym -> AuditEntry.of(AuditCategory.QUERY, "repair.search").subject(pseudonym)
                        .purpose(purpose.label(), purpose.legalBasis()).detail(AuditDetail.of("REPAIR_SEARCHED"))));
    }

    /** An applicant as the queue names them: masked, as on every screen (RULES.md §10). */
    public record ListedApplicant(String maskedName, String maskedNumber) {
    }

    /** The applicant of each of {@code applications}, masked, by application id. */
    public Map<UUID, ListedApplicant> applicantsOf(List<RepairApplication> applications) {
        Map<UUID, ListedApplicant> bySubject = new HashMap<>();
        for (RepairApplication a : applications) {
            bySubject.computeIfAbsent(a.subjectId(), s -> subjects.profile(s)
                    .map(p -> new ListedApplicant(p.maskedName(), p.maskedNumber()))
                    .orElse(new ListedApplicant("—", "")));
        }
        Map<UUID, ListedApplicant> byApplication = new HashMap<>();
        applications.forEach(a -> byApplication.put(a.id(), bySubject.get(a.subjectId())));
        return byApplication;
    }

    public List<RepairApplication> recentlyDecided() {
        return store.recentlyDecided(50);
    }

    /** What the console's dashboard shows: open applications and how many are past their deadline. */
    public record Workload(int open, int overdue) {
    }

    public Workload workload() {
        int[] counts = store.openAndOverdue(LocalDate.now(clock));
        return new Workload(counts[0], counts[1]);
    }

    public Commitment commitmentOf(RepairApplication a) {
        return commitments.find(a.commitmentId());
    }

    /** The signed commitment of each application, in one query. */
    public Map<UUID, Commitment> commitmentsOf(List<RepairApplication> applications) {
        Map<UUID, Commitment> byCommitment = commitments.find(applications.stream()
                .map(RepairApplication::commitmentId).toList());
        Map<UUID, Commitment> byApplication = new HashMap<>();
        applications.forEach(a -> byApplication.put(a.id(), byCommitment.get(a.commitmentId())));
        return byApplication;
    }

    /**
     * The names of the staff who acted on {@code applications} — proposed, decided, filed at a counter — by the account
     * ids the applications keep (the reviewer checks compare ids): people read names, and an id tells them nothing.
     * An id that names no account (the platform's own) stands for itself.
     */
    public Map<String, String> staffNames(List<RepairApplication> applications) {
        Map<String, String> names = new HashMap<>();
        for (RepairApplication a : applications) {
            for (String id : new String[] {a.proposedBy(), a.decidedBy(), a.counterStaff()}) {
                if (id != null) {
                    names.computeIfAbsent(id, k -> staff.displayName(k).orElse(k));
                }
            }
        }
        return names;
    }

    /** The materials of each application (an empty list for those without), in one query. */
    public Map<UUID, List<JdbcRepairs.AttachmentFile>> attachmentsOf(List<RepairApplication> applications) {
        Map<UUID, List<JdbcRepairs.AttachmentFile>> byApplication = new HashMap<>();
        applications.forEach(a -> byApplication.put(a.id(), new ArrayList<>()));
        store.attachmentsOf(byApplication.keySet()).forEach(f -> byApplication.get(f.applicationId()).add(f));
        return byApplication;
    }

    /** An attachment and its content. */
    public record AttachmentDownload(JdbcRepairs.AttachmentFile file, UUID subjectId, byte[] content) {
    }

    /**
     * An attachment for the reviewers; every look is recorded about the applicant (RULES.md §10: every operation
     * traceable; it shows on 谁查询了我). The file's name, which may hold a name or number, stays out of the detail.
     */
    public AttachmentDownload attachment(UUID id) {
        JdbcRepairs.AttachmentFile file = store.attachment(id).orElseThrow(() -> problem("EVIDENCE_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "没有这个附件"));
        UUID subjectId = find(file.applicationId()).subjectId();
        if (file.emptied()) {
            throw problem("EVIDENCE_EMPTIED", DomainProblem.Kind.CONFLICT,
                    "材料 " + file.id() + " 已超过保存期限，文件内容已删除");
        }
        AttachmentDownload download = new AttachmentDownload(file, subjectId,
                store.attachmentContent(id).orElseThrow());
        audit.record(AuditEntry.of(AuditCategory.QUERY, "repair.attachment")
                .subject(subjects.pseudonymOf(subjectId).orElseThrow())
                .purpose("信用修复审查", "《信用修复管理办法》")
                .detail(AuditDetail.of("REPAIR_MATERIAL_VIEWED").with("application", file.applicationId())
                        .with("file", file.id())));
        return download;
    }

    /** What the applicant's notices name: the item's name, or the list of an entry proposed by hand. */
    private String itemName(RepairApplication a) {
        return a.ofEntry() ? a.listType().label() + "（部门认定）"
                : catalogue.active(a.itemCode()).map(i -> i.definition().name()).orElse(a.itemCode());
    }

    /**
     * Tells every subject whose negative record becomes repairable on {@code today} (its minimum period ends today;
     * RULES.md §6) that they may now apply — one pass over the shown records, whatever the number of items.
     *
     * @return the number of subjects told
     */
    public int notifyEligible(LocalDate today) {
        // The periods and rules of repair come from the item versions the records were stored under, all approved by
        // a second person (maker-checker: a version in preparation counts nowhere). The versions of an item may differ
        // in their minimum period: the records of each period are looked for apart.
        ItemVersions items = catalogue.versionsEverInForce();
        // Months are uneven: the records repairable from today were decided on one of up to four days from today
        // less the months on (30 Nov + 3 months is 28 Feb, as are 29 Nov and 28 Nov, 28 Feb less 3 months; 31 Jan
        // and 30 Jan + 3 months are 30 Apr); each is checked with the eligibility rule of its own version.
        Map<Integer, Map<String, LocalDate>> earliestByMonths = new TreeMap<>();
        for (CatalogueItem item : catalogue.active()) {
            items.versions(item.code()).values().forEach(d -> {
                if (RepairEligibility.of(d, today).kind() == RepairEligibility.Kind.FROM_DATE) {
                    int months = d.publicationMinMonths() != null ? d.publicationMinMonths()
                            : d.severity().defaultMinimumMonths();
                    earliestByMonths.computeIfAbsent(months, m -> new HashMap<>())
                            .put(d.code(), today.minusMonths(months));
                }
            });
        }
        Set<UUID> seen = new HashSet<>();
        int told = 0;
        for (Map<String, LocalDate> earliest : earliestByMonths.values()) {
            for (var e : creditFile.activeDecidedWithin(earliest, 4)) {
                ItemDefinition d = items.of(e.entry().itemCode(), e.entry().itemVersion()).orElseThrow();
                // A record can be in the window of another version's period: it is told once, by its own.
                RepairEligibility eligibility = RepairEligibility.of(d, e.entry().decisionDate());
                if (eligibility.kind() == RepairEligibility.Kind.FROM_DATE && today.equals(eligibility.from())
                        && seen.add(e.entry().recordKey())) {
                    notices.eligible(e.subjectId(), d.name(), e.entry().decisionNumber());
                    told++;
                }
            }
        }
        return told;
    }

    /**
     * A record whose repair another authority decides (RULES.md §6, §7) is not applied for here: a court defaulter is
     * deleted by the court after performance (法释〔2017〕7号), a department's list ended by that department under its
     * sector rules; their revocation then reaches the platform and ends the entries resting on the record.
     */
    private void requireRepairedHere(Repairable r) {
        requireRepairedHere(r.eligibility());
    }

    private void requireRepairedHere(RepairEligibility eligibility) {
        if (eligibility.kind() != RepairEligibility.Kind.BY_AUTHORITY) {
            return;
        }
        String where = switch (eligibility.authority()) {
            case COURT -> "该记录由人民法院依法作出，履行生效法律文书确定的义务后，请向执行法院申请删除或解除";
            case LISTING_DEPARTMENT -> "该记录是有关部门列入的名单信息，请按该行业规定向作出列入决定的部门申请提前移出或停止公布";
            case PLATFORM -> throw new IllegalStateException();
        };
        throw problem("REPAIR_BY_OTHER_AUTHORITY", DomainProblem.Kind.CONFLICT,
                where + "；该部门删除或移出后，平台同步停止公示并移出相关名单，信用平台不受理此项修复申请");
    }

    /** The local yearly limit of approved repairs (RULES.md §6; none by default), over the last 12 months. */
    private void requireUnderLimit(UUID subjectId) {
        if (limit.limited() && !limit.allows(store.approvedSince(subjectId,
                clock.instant().minus(java.time.Duration.ofDays(365))))) {
            throw problem("REPAIR_LIMIT_REACHED", DomainProblem.Kind.CONFLICT,
                    "12 个月内已获准信用修复 " + limit.max() + " 次，已达本地规定的次数上限");
        }
    }

    private static void requireNotApplicant(RepairApplication a, Actor by) {
        if (by.actorId().equals(a.counterStaff())) {
            throw problem("REPAIR_OWN_APPLICATION", DomainProblem.Kind.FORBIDDEN, "代为提交申请的人不能审查同一申请");
        }
    }

    /** 回避: a clerk whose registered identity is the applicant's takes no step of the review ({@link CaseRecusal}). */
    private void requireNotOwnCase(RepairApplication a, String step) {
        recusal.requireNotOwnCase(subjects.pseudonymOf(a.subjectId()).orElseThrow(), step);
    }

    private static CodedProblem alreadyDecided() {
        return problem("REPAIR_ALREADY_DECIDED", DomainProblem.Kind.CONFLICT, "该申请已由他人处理或已更新，请刷新");
    }

    private static CodedProblem problem(String code, DomainProblem.Kind kind, String message) {
        return new CodedProblem(code, kind, message);
    }
}
