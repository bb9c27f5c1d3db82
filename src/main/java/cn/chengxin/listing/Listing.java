package cn.chengxin.listing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.account.CaseRecusal;
import cn.chengxin.account.ElectronicServiceAgreement;
import cn.chengxin.account.ElectronicServiceAgreements;
import cn.chengxin.account.NoticeArg;
import cn.chengxin.account.Notices;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.ItemVersionApproved;
import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.CourtListingTerm;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.listing.domain.EntryLifecycle;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.listing.domain.NoticeServing;
import cn.chengxin.listing.domain.NoticeText;
import cn.chengxin.listing.domain.OwnConduct;
import cn.chengxin.listing.domain.PublicListing;
import cn.chengxin.listing.domain.RedListStanding;
import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.listing.persistence.JdbcAwaitingBirthDates;
import cn.chengxin.listing.persistence.JdbcListMigrations;
import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.shared.City;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.FeedCursor;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.DataScope;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists (RULES.md §7). Records propose entries through the rules; a second person decides each proposal;
 * black-list entries take effect only after the written prior notice, red-list entries after their public
 * notice; every entry ends at its validity, when its record stops being shown (expiry, revocation, repair,
 * correction), or by an explicit exit — and every end produces an exit notice. Minors are never put on the black
 * or grey list, not even for what they did as minors once of age. Its audit details are in Chinese, as the credit
 * office and the auditors read the log; ids and codes stay as stored.
 */
@Service
public class Listing {


    /**
     * Far beyond any real list (as ContentPublishing's); keeps the offset of a hostile page number from
     * overflowing into a negative OFFSET.
     */
    private static final int MAX_PAGE = 100_000;
    /** The most entries one console page shows: a reviewer reads them, so a bigger page only loads the database. */
    public static final int MAX_PAGE_SIZE = 100;
    /** The unserved notices whose self-service copy one pass of {@link #activateDue} asks about (every 30 s). */
    static final int READS_ASKED_PER_PASS = 200;
    /**
     * The states whose records are shown and used ({@link RecordStatus#shown()}), so may propose an entry or deny the
     * green channel ({@link #markNegatives}).
     */
    static final Set<RecordStatus> SHOWN = EnumSet.of(RecordStatus.ACTIVE, RecordStatus.IN_DISPUTE);

    /**
     * Why an entry resting on a responsible person's copy of his organisation's record ends ({@link OwnConduct}), as
     * the exit notice tells him.
     */
    static final String LINKED_COPY_REASON = "所依据的信用记录是其所在单位的信用记录（作为法定代表人、主要负责人或直接责任人记载），"
            + "不是本人的失信行为，不能作为将本人列入名单的依据";

    private final JdbcListing store;
    /** The decisions of an older system migrated here, which the evaluation does not propose again (X2). */
    private final JdbcListMigrations migrations;
    private final EntryTransactions tickTransactions;
    private final OwedExitEvents owedExitEvents;
    private final CaseRecusal recusal;
    private final CreditFile creditFile;
    private final SubjectRegistry subjects;
    private final MeasureNames measures;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final City city;
    private final Clock clock;
    private final Notices notices;
    /** Whether a read or a text serves a notice: the subject's confirmation of electronic service (第六十一条). */
    private final ElectronicServiceAgreements eService;
    private final StaffDirectory directory;
    private final ApplicationEventPublisher events;
    private final JdbcAwaitingBirthDates awaitingBirthDates;
    private final WithheldFromPublicLists withheldFromPublic;
    private final int announcementDays;
    private final EntryProceedings proceedings;
    /** The objection and tip-off modules' holds on entries past their notice (none in a test of this module alone). */
    private final ObjectProvider<NoticeHolds> noticeHolds;

    Listing(JdbcListing store, CreditFile creditFile, SubjectRegistry subjects, MeasureNames measures,
            Catalogue catalogue, AuditLog audit, City city, Clock clock, Notices notices, StaffDirectory directory,
            ApplicationEventPublisher events, JdbcAwaitingBirthDates awaitingBirthDates,
            WithheldFromPublicLists withheldFromPublic, EntryProceedings proceedings,
            @Value("${chengxin.listing.announcement-days:30}") int announcementDays,
            ObjectProvider<NoticeHolds> noticeHolds, CaseRecusal recusal, EntryTransactions tickTransactions,
            OwedExitEvents owedExitEvents, ElectronicServiceAgreements eService, JdbcListMigrations migrations) {
        this.migrations = migrations;
        this.eService = eService;
        this.tickTransactions = tickTransactions;
        this.owedExitEvents = owedExitEvents;
        this.recusal = recusal;
        this.noticeHolds = noticeHolds;
        this.withheldFromPublic = withheldFromPublic;
        this.proceedings = proceedings;
        this.announcementDays = announcementDays;
        this.events = events;
        this.directory = directory;
        this.awaitingBirthDates = awaitingBirthDates;
        this.catalogue = catalogue;
        this.notices = notices;
        this.store = store;
        this.creditFile = creditFile;
        this.subjects = subjects;
        this.measures = measures;
        this.audit = audit;
        this.city = city;
        this.clock = clock;
    }

    // ---- rules

    public List<ListRule> rules() {
        return store.currentRules();
    }

    /** The rules in force by code, name and list, for modules outside this one. */
    public List<RuleName> ruleNames() {
        return rules().stream().map(r -> new RuleName(r.code(), r.name(), r.listType())).toList();
    }

    /**
     * For each list and catalogue item, the rule in force that lists a subject on that list for a record of that item,
     * where exactly one does (key {@code LIST:ITEM}): for entries another platform issued, which name the record they
     * rest on and no rule of ours, so that the measures limited to a rule (a court's consumption restrictions,
     * RULES.md §7) follow them as they would ours. Where two rules of a list name the item, neither is assumed.
     */
    public Map<String, String> rulesByItem() {
        Map<String, List<String>> named = new HashMap<>();
        for (ListRule rule : rules()) {
            rule.itemCodes().forEach(item -> named.computeIfAbsent(rule.listType() + ":" + item,
                    key -> new ArrayList<>()).add(rule.code()));
        }
        Map<String, String> unique = new HashMap<>();
        named.forEach((key, codes) -> {
            if (codes.stream().distinct().count() == 1) {
                unique.put(key, codes.get(0));
            }
        });
        return Map.copyOf(unique);
    }

    /** Every version of the rule, waiting and rejected ones too, newest first: its history page. */
    public List<RuleVersion> ruleHistory(String code) {
        return store.ruleHistory(code);
    }

    /** The rule versions waiting for a second person's decision, oldest first. */
    public List<RuleVersion> pendingRules() {
        return store.pendingRules();
    }

    /**
     * Saves an edited or new rule as a new version waiting for review (双人复核, issue #5): it is not in force — no
     * holder is evaluated by it, {@link #rules()} still answers the version before — until another person approves it
     * ({@link #approveRule}). Refused with reasons when the rule is incomplete, and while another version of the rule
     * waits (it is decided first: one change at a time, as the catalogue's items).
     */
    @Transactional
    public int proposeRule(ListRule rule) {
        // The rule's texts are quoted in every notice issued under it (RULES.md §10: no number in clear there).
        TypedText.requireNoIdentityNumber("name", "规则名称", rule.name());
        TypedText.requireNoIdentityNumber("legalBasis", "认定依据", rule.legalBasis());
        TypedText.requireNoIdentityNumber("exitConditions", "移出条件", rule.exitConditions());
        requireValid(rule);
        Actor by = AuditLog.currentActor();
        int version = store.proposeRule(rule, by, clock.instant()).orElseThrow(() -> new ListingProblem(
                "RULE_PENDING", DomainProblem.Kind.CONFLICT, "该规则有待审核的版本，审核完成前不能修改"));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.rule.propose")
                .detail(ListDetails.rule(AuditDetail.of("LIST_RULE_PROPOSED"), rule.code(), version)
                        .withLabel("list", "lists.type." + rule.listType().name())));
        return version;
    }

    /**
     * The checker's approval: the waiting version becomes the rule in force and re-evaluates the holders of its items.
     * Never by whoever saved it (issue #5: what decides entries and punishments is changed by two people, as the
     * entries themselves); of two reviewers at once, one decides. The rule is asked again, as its items may have
     * changed while it waited.
     */
    @Transactional
    public void approveRule(String code, int version, String note) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Actor by = AuditLog.currentActor();
        RuleVersion pending = pendingRule(code, version);
        if (pending.proposedBy().equals(by.actorId())) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.rule.approve").result(AuditResult.DENIED)
                    .detail(ListDetails.rule(AuditDetail.of("LIST_RULE_OWN_VERSION"), code, version)));
            throw new ListingProblem("RULE_SELF_APPROVAL", DomainProblem.Kind.FORBIDDEN,
                    "不能审核自己保存的规则版本（双人复核）");
        }
        requireValid(pending.rule());
        if (!store.decideRule(code, version, RuleVersion.Status.APPROVED, by, clock.instant(), blankToNull(note))) {
            throw ruleDecided();
        }
        // The holders of its items are evaluated after this commit, chunk by chunk (ReevaluatingHolders); the pass is
        // recorded with the rule, so a crash right after the commit still leaves it to run. A disabled version
        // proposes nothing, so it evaluates no one.
        store.rulePasses().supersedeBefore(code, version);
        if (pending.rule().enabled()) {
            store.rulePasses().start(code, version);
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.rule.approve")
                .detail(ListDetails.rule(AuditDetail.of("LIST_RULE_APPROVED"), code, version)
                        .withLabel("list", "lists.type." + pending.rule().listType().name())));
        events.publishEvent(new ListRuleSaved(code, version));
    }

    /** The checker sends a waiting version back with a reason: the rule in force stays as it was. */
    @Transactional
    public void rejectRule(String code, int version, String note) {
        if (note == null || note.isBlank()) {
            throw new ListingProblem("REVIEW_NOTE_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "退回须写明理由");
        }
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        pendingRule(code, version);
        if (!store.decideRule(code, version, RuleVersion.Status.REJECTED, AuditLog.currentActor(), clock.instant(),
                note.strip())) {
            throw ruleDecided();
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.rule.reject")
                .detail(ListDetails.rule(AuditDetail.of("LIST_RULE_REJECTED"), code, version)));
    }

    private RuleVersion pendingRule(String code, int version) {
        return store.pendingRule(code).filter(p -> p.rule().version() == version).orElseThrow(this::ruleDecided);
    }

    private ListingProblem ruleDecided() {
        return new ListingProblem("RULE_NOT_PENDING", DomainProblem.Kind.CONFLICT, "该规则版本不在待审核状态（可能已由他人处理）");
    }

    private void requireValid(ListRule rule) {
        List<String> problems = new ArrayList<>(rule.problems());
        problems.addAll(rule.itemProblems(activeItems()));
        problems.addAll(newlyNamedWithdrawn(rule));
        if (!problems.isEmpty()) {
            // Every problem is told at once; the code names the black list's own refusals (RULES.md §7) first.
            String code = rule.lacksSeriousGround() ? "RULE_GROUND_REQUIRED"
                    : rule.namesItemNotSerious(activeItems()) ? "RULE_ITEM_NOT_SERIOUS" : "RULE_INVALID";
            throw new ListingProblem(code, DomainProblem.Kind.INVALID_INPUT, String.join("；", problems));
        }
    }

    /**
     * A withdrawn item (废止) takes no new records, and no rule may newly rest on it; a rule that named it before may
     * keep it, for the records delivered under it (withdrawal is no retroactive deletion).
     */
    private List<String> newlyNamedWithdrawn(ListRule rule) {
        Set<String> before = store.currentRule(rule.code()).map(ListRule::itemCodes).orElse(Set.of());
        return catalogue.active().stream().filter(i -> i.withdrawn() && rule.itemCodes().contains(i.code())
                        && !before.contains(i.code()))
                .map(i -> "事项「" + i.definition().name() + "」已废止，不能作为新的列入依据").sorted().toList();
    }

    /**
     * The passes of saved rules over their items' holders still under way ({@link ReevaluatingHolders}), the one
     * moved longest ago first.
     */
    public List<RuleReevaluation> reevaluationsUnderway() {
        return store.unfinishedReevaluations();
    }

    // ---- proposals from records

    /**
     * What one evaluation did: {@code minorsSkipped} counts the proposals refused for good (a minor at the act),
     * {@code ageUnknown} those refused until the person's birth date is completed (the rows it keeps of {@link
     * #awaitingBirthDate}; a record past its validity would propose nothing even then, so is not counted).
     */
    public record Evaluation(int proposed, int ended, int minorsSkipped, int ageUnknown) {
    }

    /**
     * Re-evaluates these subjects against the rules, set-based: proposes entries for shown records that a rule
     * names, ends open entries whose record is no longer shown, and ends red-list entries outweighed by a newer
     * negative record (RULES.md §7, "出现失信记录即移出"). The proposals refused only for want of a birth date are
     * kept as the subjects' rows of {@link #awaitingBirthDate}, replacing those of their last evaluation.
     */
    @Transactional
    public Evaluation evaluate(Collection<UUID> subjectIds) {
        return evaluate(subjectIds, false);
    }

    /** What a proposal's reasons end with when a back-load's records made it (gaps review xliii X4). */
    static final String FROM_BACK_LOAD = "（由历史数据迁移产生）";

    /**
     * {@link #evaluate(Collection)} after records a back-load stored ({@code backLoad}: a batch marked
     * {@code origin=MIGRATION}, gaps review xliii X4): the proposals it makes are reviewed as any other (maker-checker,
     * never approved by themselves), their reasons ending with {@link #FROM_BACK_LOAD}, so that the reviewing clerk
     * knows the decision is an old one the city's migration brought, not a new one.
     */
    @Transactional
    public Evaluation evaluate(Collection<UUID> subjectIds, boolean backLoad) {
        if (subjectIds.isEmpty()) {
            return new Evaluation(0, 0, 0, 0);
        }
        // A black rule saved before grounds were required and never given one lists no one (RULES.md §7).
        List<ListRule> rules = store.currentRules().stream().filter(ListRule::enabled)
                .filter(r -> !r.lacksSeriousGround())
                // Red last: a black or grey proposal of this pass keeps the subject off the red list (RULES.md §7).
                .sorted(Comparator.comparing(r -> r.listType() == ListType.RED)).toList();
        // A rule saved before its item was revised may name one the list no longer admits; a record is admitted only
        // if both its item's version in force and the version it was stored under admit it (ListRule.admits).
        ItemVersions versions = catalogue.versionsEverInForce();
        Map<String, ItemDefinition> items = versions.inForce();
        java.util.function.Predicate<FileEntry> negative = negativeRecords(versions);
        Map<UUID, List<ListEntry>> open = new HashMap<>();
        store.openEntriesOf(subjectIds).forEach(e -> open.computeIfAbsent(e.subjectId(), k -> new ArrayList<>()).add(e));
        // Content is looked into only by a rule's proposal (its items) and an open entry's recheck (its record, named
        // perhaps only by the entry's older rule version): read only theirs, the other records' left empty.
        Set<String> ruledItems = new HashSet<>();
        rules.forEach(r -> ruledItems.addAll(r.itemCodes()));
        Set<UUID> enteredRecords = new HashSet<>();
        open.values().forEach(list -> list.stream().map(ListEntry::recordKey).filter(java.util.Objects::nonNull)
                .forEach(enteredRecords::add));
        Map<UUID, List<FileEntry>> files = creditFile.filesOf(subjectIds, ruledItems, enteredRecords);
        // A reviewer's rejection, or an entry's end by a decision about it, stands for its record: the same record
        // does not come back to the review queue at every evaluation (a new record, or a department's proposal by
        // hand, may still be reviewed).
        Set<String> settled = store.settledRecordsOf(subjectIds);
        // A decision the older system took and the platform migrated in force (X2) is not proposed again from its
        // back-loaded record: that would notify the subject a second time of a listing in force.
        Set<String> migrated = migrations.migratedDecisions(subjectIds);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        // Read at the first proposal only: most evaluations propose nothing.
        Map<String, String> departmentNames = new HashMap<>();
        Map<String, Optional<ListRule>> rulesOfEntries = new HashMap<>();
        int proposed = 0;
        int ended = 0;
        int minors = 0;
        List<AwaitingBirthDate> awaiting = new ArrayList<>();
        for (UUID subject : subjectIds) {
            List<FileEntry> shown = files.getOrDefault(subject, List.of()).stream().filter(r -> r.status().shown())
                    .toList();
            List<ListEntry> entries = open.getOrDefault(subject, List.of());
            Set<ListType> openLists = EnumSet.noneOf(ListType.class);
            entries.forEach(e -> openLists.add(e.listType()));
            Optional<FileEntry> lastNegative = shown.stream().filter(negative)
                    .max(Comparator.comparing(FileEntry::decisionDate));
            LocalDate lastNegativeDay = lastNegative.map(FileEntry::decisionDate).orElse(null);
            Optional<SubjectProfile> profile = Optional.empty();
            for (ListRule rule : rules) {
                for (FileEntry record : shown) {
                    // A responsible person's copy of his organisation's record is shown and reported, but lists no
                    // one by itself (RULES.md §1, §7; OwnConduct).
                    if (!OwnConduct.of(record.linked()) || !rule.proposes(record.itemCode(), record.content())
                            || entries.stream().anyMatch(e -> e.listType() == rule.listType()
                            && record.recordKey().equals(e.recordKey()))
                            || settled.contains(rule.listType() + ":" + record.recordKey())
                            || restsOnMigrated(migrated, subject, rule, record)) {
                        continue;
                    }
                    if (rule.listType() == ListType.RED && (RedListStanding.barredBy(openLists)
                            || RedListStanding.outweighs(lastNegativeDay, record.decisionDate()))) {
                        continue;
                    }
                    if (profile.isEmpty()) {
                        profile = subjects.profile(subject);
                    }
                    if (profile.isEmpty()) {
                        continue;
                    }
                    SubjectProfile who = profile.get();
                    if (!ListRule.admits(rule.listType(), items.get(record.itemCode()),
                            versions.of(record.itemCode(), record.itemVersion()).orElse(null), who.kind())) {
                        continue;
                    }
                    Optional<EntryLifecycle.Refusal> refusal = EntryLifecycle.refusal(rule.listType(),
                            who.kind() == SubjectKind.PERSON, who.birthDate(), record.decisionDate());
                    LocalDate validUntil = EntryLifecycle.validUntil(record.itemCode(), record.content(),
                            record.decisionDate(), rule.validityMonths(), record.publicationEnd());
                    boolean expired = validUntil != null && validUntil.isBefore(today);
                    if (refusal.isPresent()) {
                        if (refusal.get().ground() == EntryLifecycle.Refusal.Ground.MINOR) {
                            minors++;
                        } else if (!expired) {
                            // Completing the date would propose it: the credit office is to know whose to complete.
                            awaiting.add(awaiting(who, rule, record, now));
                        }
                        continue;
                    }
                    if (expired) {
                        continue;
                    }
                    boolean published = PublicListing.publishesItem(items.get(record.itemCode()),
                            versions.of(record.itemCode(), record.itemVersion()).orElse(null));
                    if (store.propose(newEntry(rule.listType(), rule.code(), rule.version(), profile.get(),
                            record.recordKey(), record.departmentCode(), rule.legalBasis(),
                            reasonsFrom(rule, record, departmentNames) + (backLoad ? FROM_BACK_LOAD : ""),
                            record.decisionDate(), "system", validUntil,
                            published, rule.seriousGround()),
                            // Resting on a record in dispute, the entry carries its mark from the start (RULES.md
                            // §5), as those proposed before the objection got it when it was filed.
                            record.status() == RecordStatus.IN_DISPUTE, now)) {
                        proposed++;
                    }
                    openLists.add(rule.listType());
                }
            }
            Map<UUID, FileEntry> shownByKey = new HashMap<>();
            shown.forEach(r -> shownByKey.put(r.recordKey(), r));
            List<FileEntry> file = files.getOrDefault(subject, List.of());
            for (ListEntry entry : entries) {
                String reason = null;
                FileEntry basis = entry.recordKey() == null ? null : shownByKey.get(entry.recordKey());
                if (entry.recordKey() != null && basis == null) {
                    reason = basisGone(file.stream().filter(r -> r.recordKey().equals(entry.recordKey())).findFirst());
                } else if (entry.listType() == ListType.RED && RedListStanding.endedBy(
                        LocalDate.ofInstant(entry.proposedAt(), clock.getZone()), lastNegativeDay)) {
                    String number = lastNegative.get().decisionNumber();
                    reason = "出现新的失信记录（决定文书号：" + (number == null ? "—" : number) + "，决定日期："
                            + lastNegativeDay + "）";
                } else if (basis != null && !OwnConduct.of(basis.linked())) {
                    // Proposed before copies were told apart: the organisation's conduct, not the person's (RULES.md
                    // §1, §7). It ends, in force or not: punishment without a basis naming him stops (国办发〔2020〕49号).
                    reason = LINKED_COPY_REASON;
                } else if (basis != null && !ListRule.admits(entry.listType(), items.get(basis.itemCode()),
                        versions.of(basis.itemCode(), basis.itemVersion()).orElse(null), entry.subjectKind())) {
                    // RULES.md §2: an approved catalogue version that stops the item's use for punishment (or makes
                    // it no longer negative, or no longer good) stops it at once, for the entries already resting on it.
                    reason = "所依据信用记录的目录事项已调整，不再可作为列入" + entry.listType().label() + "的依据";
                } else if (basis != null) {
                    if (profile.isEmpty() && entry.listType() != ListType.RED
                            && entry.subjectKind() == SubjectKind.PERSON) {
                        profile = subjects.profile(subject);
                    }
                    reason = recheck(entry, basis, profile, rulesOfEntries,
                            migrated.contains("entry:" + entry.id()), now).orElse(null);
                }
                if (reason != null && end(entry, reason, false, now)) {
                    ended++;
                }
            }
        }
        withdrawFromPublic(files, items, open.values().stream().flatMap(List::stream).toList());
        markNegatives(files, negative);
        awaitingBirthDates.replace(subjectIds, awaiting, now);
        int ageUnknown = awaiting.size();
        if (proposed + ended + minors + ageUnknown > 0) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.evaluate")
                    .detail(AuditDetail.of("LIST_EVALUATED").with("subjects", subjectIds.size())
                            .with("proposed", proposed).with("ended", ended).with("minors", minors)
                            .with("ageUnknown", ageUnknown)));
        }
        return new Evaluation(proposed, ended, minors, ageUnknown);
    }

    /**
     * Whether the record is the one a decision migrated from an older system rests on (gaps review xliii X2): same
     * subject, list and rule, and the record's decision date is the decision's act day or its decision number the
     * decision's document number ({@link JdbcListMigrations#migratedDecisions}).
     */
    private static boolean restsOnMigrated(Set<String> migrated, UUID subject, ListRule rule, FileEntry record) {
        if (migrated.isEmpty()) {
            return false;
        }
        String basis = subject + ":" + rule.listType().name() + ":" + rule.code() + ":";
        return migrated.contains(basis + "day:" + record.decisionDate())
                || record.decisionNumber() != null && migrated.contains(basis + "number:"
                + record.decisionNumber().strip());
    }

    /**
     * Checks an open entry against its record as it now stands. A correction keeps the record's key, so the entry
     * still rests on it, but its decision date, content or publication may have changed (RULES.md §4): the entry is
     * held to what its proposal was held to — the proposing rule version's condition and the age on the decision date
     * (RULES.md §6) — and its last day follows the corrected record ({@link EntryLifecycle#validUntil}). Returns why
     * the entry ends, if it does; otherwise moves its last day where the correction moved it. A record unchanged
     * since the proposal answers as it did then, so this changes nothing.
     */
    private Optional<String> recheck(ListEntry entry, FileEntry record, Optional<SubjectProfile> profile,
                                     Map<String, Optional<ListRule>> rulesOfEntries, boolean migratedEntry,
                                     Instant now) {
        Optional<ListRule> rule = rulesOfEntries.computeIfAbsent(entry.ruleCode() + ":" + entry.ruleVersion(),
                key -> ruleOf(entry));
        if (rule.isPresent() && !rule.get().proposes(record.itemCode(), record.content())) {
            return Optional.of("所依据的信用记录已更正，不再符合「" + rule.get().name() + "」认定条件");
        }
        boolean minor = profile.flatMap(who -> EntryLifecycle.refusal(entry.listType(),
                        who.kind() == SubjectKind.PERSON, who.birthDate(), record.decisionDate()))
                .filter(r -> r.ground() == EntryLifecycle.Refusal.Ground.MINOR).isPresent();
        if (minor) {
            return Optional.of("所依据的信用记录已更正，决定日期为" + record.decisionDate() + "：行为发生时未满十八周岁，不得列入"
                    + entry.listType().label());
        }
        if (migratedEntry) {
            // Migrated in force (gaps review xliii X2): its act day and last day are the older system's decision, kept
            // with its history; a corrected record ends it as above, but the rule's arithmetic does not redo its days.
            return Optional.empty();
        }
        if (!record.decisionDate().equals(entry.actDay())) {
            // The check judges the age on the entry's act day (MinorsNeverPunished): it follows the corrected record.
            store.changeActDay(entry.id(), record.decisionDate());
        }
        if (rule.isPresent()) {
            LocalDate validUntil = EntryLifecycle.validUntil(record.itemCode(), record.content(),
                    record.decisionDate(), rule.get().validityMonths(), record.publicationEnd());
            if (!java.util.Objects.equals(validUntil, entry.validUntil())
                    && store.changeValidUntil(entry.id(), validUntil)) {
                // Past its new last day, the entry ends with the next expiry run (expireDue), with its exit notice.
                // An entry in force was given its last day in the effective notice: the person is told the new one,
                // through the same channels and served as that notice is, with the right to object (RULES.md §5, §7).
                // Notice, not a new review: the day is the same rule's arithmetic on the corrected record, whose
                // correction the department answers for and the person may contest; the ground was reviewed already.
                boolean told = entry.status() == EntryStatus.EFFECTIVE;
                NoticeArg reason = courtsTerm(record, validUntil)
                        .orElseGet(() -> NoticeArg.text(correctionReason(record)));
                if (told) {
                    notice(entry, ListNotice.Kind.PERIOD_CHANGED, NoticeText.periodChanged(entry.subjectName(),
                            entry.subjectKind(), entry.listType(), entry.ruleName(), entry.validUntil(), validUntil,
                            reason, city.name()), now);
                }
                audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.validity")
                        .subject(entry.subjectPseudonym()).detail(ListDetails.validUntilChanged(entry,
                                reason.type() == NoticeArg.Type.LABEL, validUntil, told)));
            }
        }
        return Optional.empty();
    }

    /**
     * Why the last day of an entry resting on a court's own listing of a defaulter moved, where the court decided it:
     * the court's last day, or none for 第一条第一项 (RULES.md §7; 法释〔2017〕7号第一条、第二条). An entry proposed before
     * the platform read the court's term gets it at its subject's next evaluation, its record unchanged: that is no
     * correction of the record. Empty for any other entry, or a day the court's term does not give (the record's own
     * publication ending first).
     */
    private static Optional<NoticeArg> courtsTerm(FileEntry record, LocalDate validUntil) {
        if (!CourtListingTerm.listedByCourt(record.itemCode())) {
            return Optional.empty();
        }
        LocalDate courtsEnd = CourtListingTerm.endIn(record.content());
        boolean withoutTerm = courtsEnd == null && record.content() != null
                && CourtListingTerm.withoutTerm(record.content().get(CourtListingTerm.BEHAVIOUR_FIELD));
        if (courtsEnd == null ? !withoutTerm || validUntil != null : !courtsEnd.equals(validUntil)) {
            return Optional.empty();
        }
        return Optional.of(NoticeText.courtsTerm(record.decisionNumber(), courtsEnd));
    }

    /** Why a correction moved an entry's last day: the corrected record, as the department now states it. */
    private static String correctionReason(FileEntry record) {
        return "报送部门更正了所依据的信用记录（决定文书号：" + (record.decisionNumber() == null ? "—"
                : record.decisionNumber()) + "，决定日期：" + record.decisionDate()
                + (record.publicationEnd() == null ? "" : "，公示截止日期：" + record.publicationEnd()) + "）";
    }

    private static AwaitingBirthDate awaiting(SubjectProfile who, ListRule rule, FileEntry record, Instant now) {
        return new AwaitingBirthDate(who.id(), who.maskedName(), who.documentType(), who.maskedNumber(),
                rule.listType(), rule.code(), rule.name(), record.recordKey(), record.itemCode(),
                record.departmentCode(), record.decisionNumber(), record.decisionDate(), now);
    }

    /**
     * The persons refused a black- or grey-list entry only for want of a birth date, oldest first, at most {@code
     * limit}: whose date the credit office is to complete (issue #5).
     */
    public List<AwaitingBirthDate> awaitingBirthDate(int limit) {
        return awaitingBirthDates.oldestFirst(limit);
    }

    /**
     * How many list entries proposed by someone else wait for {@code reviewerId} (a staff user's id) to review them
     * (maker-checker, RULES.md §7, §10: never the proposer), for 工作台 (finding K6).
     */
    public long proposalsAwaiting(String reviewerId) {
        return store.countProposedByOthers(reviewerId);
    }

    /** How many list rule versions proposed by someone else wait for {@code reviewerId}'s decision (工作台, K6). */
    public long rulesAwaiting(String reviewerId) {
        return store.pendingRules().stream().filter(r -> !reviewerId.equals(r.proposedBy())).count();
    }

    public long awaitingBirthDateCount() {
        return awaitingBirthDates.count();
    }

    /** The catalogue's items in force, by code. */
    private Map<String, ItemDefinition> activeItems() {
        Map<String, ItemDefinition> items = new HashMap<>();
        catalogue.active().forEach(i -> items.put(i.code(), i.definition()));
        return items;
    }

    /**
     * Whether an approved catalogue version changes the holders' last-negative-record marks (the green channel and
     * 容缺受理 of RULES.md §7 hang on them): it makes the item negative or no longer negative. Other changes leave
     * the marks alone.
     */
    boolean changesMarks(ItemVersionApproved approved) {
        Optional<Catalogue.Revision> revision = catalogue.revision(approved);
        return revision.isPresent() && (revision.get().before().nature() == Nature.NEGATIVE)
                != (revision.get().now().nature() == Nature.NEGATIVE);
    }

    /**
     * Whether an approved catalogue version takes the item off a list it was admitted on ({@link ListRule#admits}): it
     * stops its use for punishment, or its nature changes. The entries resting on its records then end at once
     * (RULES.md §2), not at the holders' next record ({@link RemarkingHolders}).
     */
    boolean narrowsLists(ItemVersionApproved approved) {
        Optional<Catalogue.Revision> revision = catalogue.revision(approved);
        return revision.isPresent() && java.util.Arrays.stream(ListType.values()).anyMatch(
                t -> ListRule.admits(t, revision.get().before()) && !ListRule.admits(t, revision.get().now()));
    }

    /**
     * Whether an approved catalogue version is to be followed over the holders of its item's records ({@link
     * RemarkingHolders}): it changes their marks ({@link #changesMarks}), takes the item off a list ({@link
     * #narrowsLists}), or stops sharing the item publicly, which takes the entries resting on its records off the
     * public lists ({@link #withdrawFromPublic}).
     */
    boolean followsRevision(ItemVersionApproved approved) {
        return changesMarks(approved) || narrowsLists(approved) || catalogue.revision(approved).filter(r -> r.before().sharing()
                == Sharing.PUBLIC && r.now().sharing() != Sharing.PUBLIC).isPresent();
    }

    /**
     * Takes off the public lists the open entries of these subjects resting on a record of an item the catalogue in
     * force does not share publicly (RULES.md §2, §10; {@link PublicListing#publishesItem}): a later catalogue version
     * that stops sharing an item publicly withdraws what was published under an earlier one — the stricter holds, so
     * an item shared publicly again publishes nothing withdrawn. The entries stay in force.
     */
    private void withdrawFromPublic(Map<UUID, List<FileEntry>> files, Map<String, ItemDefinition> items,
                                    List<ListEntry> openEntries) {
        Map<UUID, String> itemOfRecord = new HashMap<>();
        files.values().forEach(file -> file.forEach(r -> itemOfRecord.put(r.recordKey(), r.itemCode())));
        List<UUID> withdrawn = openEntries.stream()
                .filter(e -> e.published() && e.recordKey() != null && itemOfRecord.containsKey(e.recordKey()))
                .filter(e -> !PublicListing.publishesItem(items.get(itemOfRecord.get(e.recordKey())), null))
                .map(ListEntry::id).toList();
        store.unpublish(withdrawn);
    }

    /**
     * Records each evaluated subject's last negative record in use (RULES.md §7: three years without one qualify for
     * the green channel and 容缺受理), as the red list counts it ({@link RedListStanding}): only a shown record
     * ({@link #SHOWN}) denies the incentive. A revoked record (its basis revoked or an objection upheld, §5) or a
     * corrected version never stood; a repaired one's effect is "stop publication; stop sharing and use" (§6); and one
     * whose publication period is over (EXPIRED, then ARCHIVED) is "not displayed, not used for scoring, lists or
     * measures" (§4, "不再展示使用超过期限的公共信用信息") — the green channel is such a use. Each of these changes
     * reaches the mark through {@link cn.chengxin.creditfile.RecordsChanged}, so the check index learns of it from the mark's new stamp.
     */
    private void markNegatives(Map<UUID, List<FileEntry>> files, java.util.function.Predicate<FileEntry> negative) {
        Map<UUID, LocalDate> last = new HashMap<>();
        files.forEach((subject, file) -> {
            LocalDate latest = file.stream()
                    .filter(negative)
                    .filter(r -> r.status().shown())
                    .map(FileEntry::decisionDate).max(LocalDate::compareTo).orElse(null);
            last.put(subject, latest);
        });
        Map<String, LocalDate> byPseudonym = new HashMap<>();
        subjects.pseudonymsOf(last.keySet()).forEach((subject, pseudonym) -> byPseudonym.put(pseudonym,
                last.get(subject)));
        store.markNegatives(byPseudonym);
    }

    /**
     * The records that count as negative (the green channel, the red list's standing, RULES.md §7): the holder's own
     * ({@link OwnConduct}: not a copy of his organisation's record), of an item negative
     * in its version in force and in the version the record was stored under. A later version that makes an item
     * negative does not turn the records collected before into negative ones (RULES.md §2: a later version narrows the
     * use of what was collected, never widens it); one that makes it no longer negative counts at once. The versions
     * that were not negative of items negative now are found once per pass: there are none almost always, and then no
     * record is looked up.
     */
    private static java.util.function.Predicate<FileEntry> negativeRecords(ItemVersions versions) {
        // A responsible person's copy of his organisation's record is not his own dishonesty (OwnConduct).
        java.util.function.Predicate<FileEntry> own = r -> OwnConduct.of(r.linked());
        Set<String> negativeNow = negativeItems(versions.inForce());
        Map<String, Set<Integer>> notNegativeThen = new HashMap<>();
        for (String code : negativeNow) {
            versions.versions(code).forEach((version, d) -> {
                if (d.nature() != Nature.NEGATIVE) {
                    notNegativeThen.computeIfAbsent(code, c -> new HashSet<>()).add(version);
                }
            });
        }
        if (notNegativeThen.isEmpty()) {
            return own.and(r -> negativeNow.contains(r.itemCode()));
        }
        return own.and(r -> negativeNow.contains(r.itemCode())
                && !notNegativeThen.getOrDefault(r.itemCode(), Set.of()).contains(r.itemVersion()));
    }

    private static Set<String> negativeItems(Map<String, ItemDefinition> items) {
        Set<String> negative = new HashSet<>();
        items.forEach((code, item) -> {
            if (item.nature() == Nature.NEGATIVE) {
                negative.add(code);
            }
        });
        return negative;
    }

    /** Last-negative-record marks changed after {@code seq}, oldest first (the check index follows them). */
    public List<NegativeMark> negativeMarksSince(long seq, int limit) {
        return store.negativeMarksSince(seq, limit);
    }

    /**
     * The decision date of each subject's last negative record in use (as {@link #markNegatives} counts them) that a
     * check's clean-record answer to {@code reader} may rest on, by pseudonym (absent: none). Only records of an
     * item usable for punishment, in its version in force and in the one the record was stored under (RULES.md §2:
     * a simple-procedure or minor penalty "not usable for punishment", so it does not deny an incentive either), and
     * records the reader may read: of an item shared publicly in both versions, or within its data scope by the
     * department of record (RULES.md §10, {@link DataScope#permits}). A government-only or another bureau's record
     * would otherwise be told, as a yes or no, to any department that checks (gaps-review-xxv H4). One read of the
     * files for all the subjects.
     */
    public Map<String, LocalDate> lastNegativeReadBy(Collection<String> pseudonyms, DataScope reader) {
        Map<UUID, String> ids = subjects.subjectsUnder(pseudonyms);
        if (ids.isEmpty()) {
            return Map.of();
        }
        ItemVersions versions = catalogue.versionsEverInForce();
        Map<String, ItemDefinition> inForce = versions.inForce();
        java.util.function.Predicate<FileEntry> negative = negativeRecords(versions);
        java.util.function.BiPredicate<FileEntry, java.util.function.Predicate<ItemDefinition>> both = (r, test) -> {
            ItemDefinition now = inForce.get(r.itemCode());
            return now != null && test.test(now) && versions.of(r.itemCode(), r.itemVersion()).map(test::test)
                    .orElse(true);
        };
        LocalDate today = LocalDate.now(clock);
        Map<String, LocalDate> last = new HashMap<>();
        creditFile.filesOf(ids.keySet()).forEach((subject, file) -> file.stream().map(r -> r.asOn(today))
                .filter(r -> r.status().shown())
                .filter(negative)
                .filter(r -> both.test(r, ItemDefinition::usableForPunishment))
                .filter(r -> both.test(r, d -> d.sharing() == Sharing.PUBLIC)
                        || reader.permits(r.itemCode(), r.departmentCode()))
                .map(FileEntry::decisionDate).max(LocalDate::compareTo)
                .ifPresent(day -> last.put(ids.get(subject), day)));
        return last;
    }

    /**
     * The facts and reasons of a proposal from a record, which the subject reads in the prior notice (RULES.md §7):
     * the reporting department by its name, as the credit file and reports name it, not by the platform's code.
     */
    private String reasonsFrom(ListRule rule, FileEntry record, Map<String, String> departmentNames) {
        if (departmentNames.isEmpty()) {
            departmentNames.putAll(departmentNames());
        }
        return "依据" + departmentNames.getOrDefault(record.departmentCode(), record.departmentCode())
                + "报送的信用记录（决定文书号：" + (record.decisionNumber() == null ? "—" : record.decisionNumber())
                + "，决定日期：" + record.decisionDate() + "），符合「" + rule.name() + "」认定条件";
    }

    /** The departments' names by code, for pages that show who provided or proposed an entry. */
    public Map<String, String> departmentNames() {
        return directory.departmentNames();
    }

    private JdbcListing.NewEntry newEntry(ListType type, String ruleCode, Integer ruleVersion, SubjectProfile profile,
                                          UUID recordKey, String department, String basis, String reasons,
                                          LocalDate actDay, String by, LocalDate validUntil, boolean published,
                                          SeriousGround ground) {
        String pseudonym = subjects.pseudonymOf(profile.id()).orElseThrow();
        return new JdbcListing.NewEntry(Ids.newId(), type, ruleCode, ruleVersion, profile.id(), pseudonym,
                profile.name(), profile.kind().name(), profile.maskedNumber(), recordKey, department, basis, reasons,
                actDay, by, validUntil, published, ground);
    }

    // ---- proposals by a department

    /**
     * A department proposes an entry by hand (e.g. a red-list recommendation); it still needs review, and it ends
     * on a day the department gives ({@link EntryLifecycle#manualValidityProblem}). The person's age is checked on
     * {@code actDay}, the day of the act it rests on, as a record's proposal is on its decision date (RULES.md §6).
     */
    @Transactional
    public UUID propose(UUID subjectId, ListType type, String legalBasis, String reasons, LocalDate actDay,
                        LocalDate validUntil) {
        return propose(subjectId, type, null, legalBasis, reasons, actDay, validUntil);
    }

    /**
     * A department's proposal; one for the black list names which of the four grounds of 国办发〔2020〕49号 it rests on
     * ({@code ground}, RULES.md §7), which its prior notice and its page quote; the other lists name none.
     */
    @Transactional
    public UUID propose(UUID subjectId, ListType type, SeriousGround ground, String legalBasis, String reasons,
                        LocalDate actDay, LocalDate validUntil) {
        Actor by = AuditLog.currentActor();
        requireCompleteProposal(type, ground, legalBasis, reasons, actDay, validUntil);
        SubjectProfile profile = subjects.profile(subjectId).orElseThrow(() -> new ListingProblem("SUBJECT_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "信用主体不存在"));
        EntryLifecycle.refusal(type, profile.kind() == SubjectKind.PERSON, profile.birthDate(), actDay)
                .ifPresent(r -> {
                    throw new ListingProblem(r.code(), DomainProblem.Kind.INVALID_INPUT, r.message());
                });
        if (type == ListType.RED && RedListStanding.barredBy(store.openEntriesOf(List.of(subjectId)).stream()
                .map(ListEntry::listType).toList())) {
            throw new ListingProblem("LIST_RED_BARRED", DomainProblem.Kind.INVALID_INPUT,
                    "该主体在严重失信主体名单或重点关注名单中，不能列入红名单");
        }
        // 回避: a clerk does not propose to list themselves, for reward or punishment.
        recusal.requireNotOwnCase(subjects.pseudonymOf(subjectId).orElseThrow(), "listing.propose");
        String department = by.departmentCode() == null ? "CREDIT_OFFICE" : by.departmentCode();
        // Resting on no catalogue item, the department's own decision is published as a rule's entry on a public item.
        JdbcListing.NewEntry entry = newEntry(type, null, null, profile, null, department, legalBasis.strip(),
                reasons.strip(), actDay, by.actorId(), validUntil, true, type == ListType.BLACK ? ground : null);
        store.propose(entry, clock.instant());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.propose").subject(entry.pseudonym())
                .detail(AuditDetail.of("LIST_PROPOSED").withLabel("list", "lists.type." + type.name())
                        .with("entry", entry.id())));
        return entry.id();
    }

    /**
     * Refuses a department's proposal whose own fields are incomplete or invalid, before anyone is looked up for it:
     * the form by number must not tell whether a number is registered to whoever sends it half-filled.
     */
    public void requireCompleteProposal(ListType type, SeriousGround ground, String legalBasis, String reasons,
                                        LocalDate actDay, LocalDate validUntil) {
        if (type == ListType.BLACK && ground == null) {
            // RULES.md §7: the black list only on the four grounds of 国办发〔2020〕49号, with a legal basis.
            throw new ListingProblem("PROPOSAL_GROUND_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "列入严重失信主体名单的认定建议须选择国办发〔2020〕49号规定的严重失信情形");
        }
        requireCompleteProposal(legalBasis, reasons, actDay, validUntil);
    }

    /** The fields every proposal needs, whatever its list. */
    private void requireCompleteProposal(String legalBasis, String reasons, LocalDate actDay, LocalDate validUntil) {
        if (legalBasis == null || legalBasis.isBlank() || reasons == null || reasons.isBlank()) {
            throw new ListingProblem("PROPOSAL_INCOMPLETE", DomainProblem.Kind.INVALID_INPUT, "须写明认定依据和事实理由");
        }
        // Both are quoted in the notices the subject receives: the person is named by the entry, not by a typed number.
        TypedText.requireNoIdentityNumber("legalBasis", "认定依据", legalBasis);
        TypedText.requireNoIdentityNumber("reasons", "事实和理由", reasons);
        EntryLifecycle.actDayProblem(actDay, LocalDate.now(clock)).ifPresent(p -> {
            throw new ListingProblem("PROPOSAL_ACT_DAY", DomainProblem.Kind.INVALID_INPUT, p);
        });
        EntryLifecycle.manualValidityProblem(validUntil, LocalDate.now(clock)).ifPresent(p -> {
            throw new ListingProblem("PROPOSAL_VALIDITY", DomainProblem.Kind.INVALID_INPUT, p);
        });
    }

    // ---- review

    /**
     * Approves a proposal (maker-checker: never by its proposer); the first of two concurrent reviewers decides.
     * Black list: the prior notice is issued now and the entry takes effect the rule's notice days after the notice is
     * served (recordService; a court's own listing, with none, takes effect at once with the effective notice only).
     */
    @Transactional
    public EntryStatus approve(UUID entryId, String note) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Actor by = AuditLog.currentActor();
        ListEntry entry = reviewable(entryId, by);
        ListRule rule = ruleOf(entry).orElse(null);
        Optional<String> basisGone = basisGone(entry);
        if (basisGone.isPresent()) {
            // Gaps review xxxviii S5: proposed by an evaluation that read the record before a repair (an upheld
            // objection, a revocation) committed, which could not see the proposal to end it. Nobody is listed on a
            // record no longer used (RULES.md §6, §7); the reviewer rejects it.
            throw new ListingProblem("LIST_RECORD_NOT_SHOWN", DomainProblem.Kind.CONFLICT,
                    "该建议" + basisGone.get() + "，不能同意认定，请作不予认定处理");
        }
        if (entry.listType() == ListType.BLACK && entry.seriousGround() == null) {
            // Proposed before grounds were required (RULES.md §7): rejected, and proposed again naming its ground.
            throw new ListingProblem("LIST_GROUND_REQUIRED", DomainProblem.Kind.CONFLICT,
                    "该建议未载明国办发〔2020〕49号规定的严重失信情形，不能同意列入严重失信主体名单，请作不予认定处理");
        }
        if (entry.ruleCode() != null && !store.currentRule(entry.ruleCode()).map(ListRule::enabled).orElse(false)) {
            // A disabled rule no longer names a ground for listing; its open proposals are rejected, not approved.
            throw new ListingProblem("LIST_RULE_DISABLED", DomainProblem.Kind.CONFLICT,
                    "提出该建议的认定规则已停用，不能再据此认定，请作不予认定处理");
        }
        if (entry.listType() == ListType.RED && store.openEntriesOf(List.of(entry.subjectId())).stream()
                .anyMatch(e -> e.listType() != ListType.RED && e.status() == EntryStatus.EFFECTIVE)) {
            // RULES.md §7: a subject punished or under closer supervision is not rewarded at the same time; a check
            // would answer 绿色通道 and punishments together.
            throw new ListingProblem("LIST_RED_BARRED_IN_FORCE", DomainProblem.Kind.CONFLICT,
                    "该主体的严重失信主体名单或重点关注名单条目正在生效，不能同意列入红名单，请作不予认定处理");
        }
        int noticeDays = rule == null ? ListRule.usualNoticeDays(entry.listType()) : rule.priorNoticeDays();
        Instant now = clock.instant();
        EntryLifecycle.AfterApproval next = EntryLifecycle.approve(entry.listType(), noticeDays, now, clock.getZone());
        LocalDate effectiveDay = LocalDate.ofInstant(next.effectiveFrom(), clock.getZone());
        if (entry.validUntil() != null && entry.validUntil().isBefore(effectiveDay)) {
            // Its notice would announce an effect on a day the entry is already over (RULES.md §7: the notice tells of
            // a listing to come); the reviewer rejects it instead.
            throw new ListingProblem("LIST_ENDS_BEFORE_EFFECT", DomainProblem.Kind.CONFLICT,
                    "该条目的有效期至 " + entry.validUntil() + "，早于告知或公示期满后的生效日 " + effectiveDay
                            + "，不能同意认定，请作不予认定处理");
        }
        // A black-list entry's notice period counts from the service of its prior notice, not from now (RULES.md §7):
        // it has no day of effect until then (recordService, the self-service read or text learnt in activateDue).
        Instant effectiveFrom = next.status() == EntryStatus.NOTIFIED ? null : next.effectiveFrom();
        if (!store.decide(entryId, next.status(), by.actorId(), now, note, effectiveFrom)) {
            throw new ListingProblem("LIST_ALREADY_DECIDED", DomainProblem.Kind.CONFLICT, "该认定建议已由他人处理");
        }
        String exitConditions = rule == null ? "依法移出" : rule.exitConditions();
        String ruleName = entry.ruleName();
        // The prior notice is owed only while a notice period lies ahead (RULES.md §7): an entry a court listed itself
        // takes effect at once on the court's own notice, and a notice offering an objection "before it takes effect"
        // would tell the subject of a time that never comes.
        if (next.status() == EntryStatus.NOTIFIED) {
            // Only the measures whose basis reaches this entry's subject and rule (RULES.md §7).
            String announced = measures.forEntry(ListType.BLACK, entry.ruleCode(), entry.subjectKind(), null);
            notice(entry, ListNotice.Kind.PRIOR, NoticeText.prior(entry.subjectName(), entry.subjectKind(), ruleName,
                    entry.seriousGround(), entry.legalBasis(), entry.reasons(), announced, noticeDays, exitConditions,
                    city.name()), now);
        } else if (next.status() == EntryStatus.PUBLIC_NOTICE) {
            // The period's last day is the day before the entry takes effect (EntryLifecycle.approve).
            notice(entry, ListNotice.Kind.PUBLIC, NoticeText.publicNotice(entry.subjectName(), ruleName,
                    effectiveDay.minusDays(1)), now);
        }
        if (next.status() == EntryStatus.EFFECTIVE) {
            effectiveNotice(entry, exitConditions, next.effectiveFrom(), now);
            endRedEntries(entry, now, false);
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.approve").subject(entry.subjectPseudonym())
                .detail(ListDetails.entry(AuditDetail.of("LIST_APPROVED"), entry)
                        .withLabel("status", "lists.status." + next.status().name())));
        return next.status();
    }

    @Transactional
    public void reject(UUID entryId, String note) {
        Actor by = AuditLog.currentActor();
        ListEntry entry = reviewable(entryId, by);
        if (note == null || note.isBlank()) {
            throw new ListingProblem("REVIEW_NOTE_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "不予认定须写明理由");
        }
        TypedText.requireNoIdentityNumber("note", "不予认定理由", note);
        if (!store.decide(entryId, EntryStatus.REJECTED, by.actorId(), clock.instant(), note, null)) {
            throw new ListingProblem("LIST_ALREADY_DECIDED", DomainProblem.Kind.CONFLICT, "该认定建议已由他人处理");
        }
        // A decision about the person, as an approval is: in their part of the log, which they can see.
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.reject").subject(entry.subjectPseudonym())
                .detail(ListDetails.entry(AuditDetail.of("LIST_REJECTED"), entry)));
    }

    private ListEntry reviewable(UUID entryId, Actor by) {
        ListEntry entry = store.entry(entryId).orElseThrow(() -> new ListingProblem("ENTRY_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "名单条目不存在"));
        if (entry.proposedBy().equals(by.actorId())) {
            throw new ListingProblem("LIST_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN, "提出认定建议的人不能审核自己的建议");
        }
        // 回避: nor does a clerk review an entry about themselves.
        recusal.requireNotOwnCase(entry.subjectPseudonym(), "listing.review");
        if (entry.status() != EntryStatus.PROPOSED) {
            throw new ListingProblem("LIST_ALREADY_DECIDED", DomainProblem.Kind.CONFLICT, "该认定建议已处理");
        }
        return entry;
    }

    // ---- effect and exit

    /**
     * Entries whose notice period is over take effect (scheduled; also callable with a moved clock): a black-list
     * entry's period counts from the service of its written prior notice (RULES.md §7 asks for the notice; its service
     * is the 《行政处罚法》第六十一条's, {@link NoticeServing}), so the reads and texts of prior notices, which serve under
     * a confirmation of electronic service, are learnt first ({@link #learnSelfServiceReads}); one nobody has served
     * waits, however long ago it was approved. Those whose rule
     * has been disabled meanwhile end instead, with the notice that they will not take effect: a disabled rule no
     * longer names a ground for listing, as {@link #approve} refuses their proposals. An objection raised in the notice
     * period holds the entry until it is decided ({@link #unheld}). Each entry in a transaction of its own (gaps review
     * xxxviii S4): one that fails waits for the next tick, the others take effect.
     */
    public int activateDue() {
        Instant now = clock.instant();
        tickTransactions.run("learning the notices' reads", () -> learnSelfServiceReads(now));
        for (UUID id : store.dueUnderDisabledRules(now)) {
            tickTransactions.run("end under a disabled rule", id, () -> store.entry(id)
                    .map(e -> end(e, "认定规则「" + e.ruleName() + "」已停用，不再据此认定", false, now, true))
                    .orElse(false));
        }
        int activated = 0;
        for (UUID id : unheld(store.dueUndisputed(now), now)) {
            if (tickTransactions.run("activation", id, () -> activate(id, now))) {
                activated++;
            }
        }
        return activated;
    }

    /**
     * One due entry takes effect, if still due and undisputed, with its effective notice; one whose record is no longer
     * shown ends instead, as the evaluation would end it (gaps review xxxviii S5: approved on a record a repair changed
     * while its evaluation ran).
     */
    private boolean activate(UUID id, Instant now) {
        Optional<ListEntry> due = store.entry(id);
        Optional<String> basisGone = due.flatMap(this::basisGone);
        if (basisGone.isPresent()) {
            end(due.get(), basisGone.get(), false, now, true);
            return false;
        }
        if (store.activate(List.of(id), now).isEmpty()) {
            return false;
        }
        ListEntry e = store.entry(id).orElseThrow();
        effectiveNotice(e, exitConditionsOf(e), e.effectiveFrom(), now);
        endRedEntries(e, now, true);
        return true;
    }

    /**
     * Why the entry's record no longer carries it (no longer shown: repaired, revoked, corrected…); empty if it does.
     * Read under a share lock of the record, held to the caller's commit (gaps review xxxviii S5, S8): a repair or an
     * objection's filing under way is waited for, and one that comes next waits until this entry's step is done.
     */
    private Optional<String> basisGone(ListEntry entry) {
        if (entry.recordKey() == null) {
            return Optional.empty();
        }
        creditFile.lockRecord(entry.subjectId(), entry.recordKey(), true);
        Optional<FileEntry> record = creditFile.record(entry.subjectId(), entry.recordKey());
        return record.filter(r -> SHOWN.contains(r.status())).isPresent() ? Optional.empty()
                : Optional.of(basisGone(record));
    }

    /** The reason an entry ends when its record, as read, is not shown (or no longer the subject's at all). */
    private static String basisGone(Optional<FileEntry> record) {
        return record.map(r -> "所依据的信用记录" + r.status().label()).orElse("所依据的信用记录已不再使用");
    }

    /**
     * Of the entries due, those no objection raised in their notice period holds (RULES.md §7, {@link NoticeHolds}):
     * one still undecided keeps the entry in its notice state; one decided without ending it (an upheld objection or
     * a founded tip-off ends the entry itself, {@link #exit}) lets it take effect the day after the decision
     * ({@link EntryLifecycle#afterHold}), at once if that day has come.
     */
    private List<UUID> unheld(List<NoticeHolds.InNotice> due, Instant now) {
        if (due.isEmpty()) {
            return List.of();
        }
        Map<UUID, NoticeHolds.Hold> held = new HashMap<>();
        noticeHolds.orderedStream().forEach(h -> h.holds(due).forEach((id, hold) -> held.merge(id, hold,
                NoticeHolds.Hold::and)));
        List<UUID> ready = new ArrayList<>();
        for (NoticeHolds.InNotice entry : due) {
            NoticeHolds.Hold hold = held.get(entry.entryId());
            if (hold != null && hold.open()) {
                continue;
            }
            Instant from = hold == null ? entry.noticeUntil()
                    : EntryLifecycle.afterHold(entry.noticeUntil(), hold.settledAt(), clock.getZone());
            if (from.isAfter(now)) {
                store.postpone(entry.entryId(), from);
            } else {
                ready.add(entry.entryId());
            }
        }
        return ready;
    }

    /**
     * A black- or grey-list entry taking effect ends the subject's open red-list entries, with their exit notices
     * (RULES.md §7, the red rules' exit condition "出现失信记录即移出"): whatever the order in which the records came
     * — a penalty reported late, decided before the red entry began, or a department's proposal by hand resting on no
     * record — nobody is rewarded and punished at once. The end stands as a decision about the red entry, so its
     * good record does not propose it again once the other entry ends; a new good record may. A red proposal still
     * under review is left to its reviewer, whom {@link #approve} refuses.
     */
    private void endRedEntries(ListEntry effective, Instant now, boolean auditAfterCommit) {
        if (effective.listType() == ListType.RED) {
            return;
        }
        for (ListEntry red : store.openEntriesOf(List.of(effective.subjectId()))) {
            if (red.listType() == ListType.RED && red.status() != EntryStatus.PROPOSED) {
                end(red, "已列入" + effective.listType().label(), true, now, auditAfterCommit);
            }
        }
    }

    /**
     * Entries past their last day end (scheduled; measures stop with them), each in a transaction of its own (gaps
     * review xxxviii S4): one that fails waits for the next tick, the others end.
     */
    public int expireDue() {
        Instant now = clock.instant();
        int ended = 0;
        for (UUID id : store.pastValidity(LocalDate.now(clock))) {
            if (tickTransactions.run("expiry", id, () -> store.entry(id)
                    .map(e -> end(e, "有效期届满", false, now, true)).orElse(false))) {
                ended++;
            }
        }
        return ended;
    }

    /**
     * Ends an entry at once on a decision already taken by two people elsewhere — an approved credit repair, an upheld
     * objection, a manual exit another reviewer approved ({@link ExitProposals}) — never on one person's word (issue
     * #5): measures stop and the subject gets an exit notice. The decision stands for the entry's record: while that
     * record is still shown (the department has yet to revoke it), it does not propose the entry again.
     */
    @Transactional
    public void exit(UUID entryId, String reason) {
        ListEntry entry = store.entry(entryId).orElseThrow(() -> new ListingProblem("ENTRY_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "名单条目不存在"));
        if (reason == null || reason.isBlank()) {
            throw new ListingProblem("EXIT_REASON_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "移出须写明原因");
        }
        // Quoted in the exit notice and shown with the entry (RULES.md §10).
        TypedText.requireNoIdentityNumber("reason", "移出原因", reason);
        if (!end(entry, reason.strip(), true, clock.instant())) {
            throw new ListingProblem("LIST_ALREADY_DECIDED", DomainProblem.Kind.CONFLICT, "该条目已不在名单中");
        }
    }

    /**
     * Of these subjects, those who are red-list candidates in public notice (RULES.md §7, 《河南省社会信用条例》第二十八条):
     * the tip-off desk shows it beside what the public reported about them, as a founded tip-off withdraws the
     * candidacy ({@link #withdrawRedCandidacy}).
     */
    public Set<UUID> inRedNotice(Collection<UUID> subjectIds) {
        return subjectIds.isEmpty() ? Set.of() : store.inRedNotice(subjectIds);
    }

    /**
     * A tip-off found true about a red-list candidate in public notice withdraws the candidacy (RULES.md §7; the public
     * notice promises "经信用办核实属实的，不予列入"): each of the subject's red entries still in public notice ends before
     * it took effect, with the notice that it will not, and the decision stands for its record. Returns how many.
     */
    @Transactional
    public int withdrawRedCandidacy(UUID subjectId, String reason) {
        TypedText.requireNoIdentityNumber("reason", "原因", reason);
        Instant now = clock.instant();
        int withdrawn = 0;
        for (ListEntry entry : store.openEntriesOf(List.of(subjectId))) {
            if (entry.listType() == ListType.RED && entry.status() == EntryStatus.PUBLIC_NOTICE
                    && end(entry, reason.strip(), true, now)) {
                withdrawn++;
            }
        }
        return withdrawn;
    }

    /** Marks or clears the dispute mark of the entries resting on a record (objection module). */
    @Transactional
    public void markDisputed(UUID subjectId, UUID recordKey, boolean disputed) {
        store.markDisputed(subjectId, recordKey, disputed);
    }

    /** Marks or clears the dispute mark of one entry contested by itself (objection module). */
    @Transactional
    public void markEntryDisputed(UUID entryId, boolean disputed) {
        store.markEntryDisputed(entryId, disputed);
    }

    /**
     * The notice follows the status the entry ended from, as the end found it, not as {@code entry} was read: an entry
     * read in its notice period may have taken effect before the end came (activateDue, another transaction).
     */
    private boolean end(ListEntry entry, String reason, boolean decided, Instant now) {
        return end(entry, reason, decided, now, false);
    }

    /**
     * @param auditAfterCommit whether the exit's audit event is recorded once the end has committed, not before (gaps
     *                         review xxxviii S4): so for the ends the tick makes of itself, on the law's terms (the
     *                         validity over, the rule disabled, a black or grey entry taking effect), which the audit
     *                         log cannot refuse — the measures would go on past their term — and whose event must not
     *                         outlive a rollback. A person's decision (an approval, an exit two people decided) records
     *                         it first and fails closed (RULES.md §10: no operation untraced).
     */
    private boolean end(ListEntry entry, String reason, boolean decided, Instant now, boolean auditAfterCommit) {
        Optional<EntryStatus> ended = store.exit(entry.id(), reason, decided, now);
        if (ended.isEmpty()) {
            return false;
        }
        EntryStatus was = ended.get();
        if (was == EntryStatus.EFFECTIVE) {
            notice(entry, ListNotice.Kind.EXIT, NoticeText.exit(entry.subjectName(), entry.listType(),
                    entry.ruleName(), reason), now);
        } else if (was == EntryStatus.NOTIFIED || was == EntryStatus.PUBLIC_NOTICE) {
            // Ended before it took effect: told so, not that measures which never began "stop today".
            notice(entry, ListNotice.Kind.EXIT, NoticeText.withdrawn(entry.subjectName(), entry.listType(),
                    entry.ruleName(), reason), now);
        }
        if (auditAfterCommit) {
            owedExitEvents.oweAfterCommit(entry, reason, now);
        } else {
            audit.record(OwedExitEvents.event(entry, reason));
        }
        return true;
    }

    /** {@code effectiveFrom}: when it took effect, which decides the measures it carries and the notice names. */
    private void effectiveNotice(ListEntry entry, String exitConditions, Instant effectiveFrom, Instant now) {
        notice(entry, ListNotice.Kind.EFFECTIVE, NoticeText.effective(entry.subjectName(), entry.listType(),
                entry.ruleName(), entry.legalBasis(), entry.validUntil(),
                measures.forEntry(entry.listType(), entry.ruleCode(), entry.subjectKind(), effectiveFrom),
                exitConditions), now);
    }

    private String exitConditionsOf(ListEntry entry) {
        return ruleOf(entry).map(ListRule::exitConditions).orElse("依法移出");
    }

    /**
     * The rule version that proposed the entry: its notice period and exit conditions are what the proposal was
     * made under, whatever a later version says (a later edit is a new version, not a new ground).
     */
    private Optional<ListRule> ruleOf(ListEntry entry) {
        return entry.ruleCode() == null || entry.ruleVersion() == null ? Optional.empty()
                : store.rule(entry.ruleCode(), entry.ruleVersion());
    }

    private void notice(ListEntry entry, ListNotice.Kind kind, NoticeText.Text text, Instant at) {
        // The same notice reaches the subject's self-service and phone (issue #8 "Notifications"); its copy's id tells
        // later whether it was read or texted, which serves it (NoticeServing).
        UUID copy = notices.notify(entry.subjectId(), "LIST_" + kind.name(), text.title(), text.body(), "/me/lists",
                text.wording(), text.args());
        UUID id = Ids.newId();
        store.notice(id, entry.id(), entry.subjectId(), kind, text.title(), text.body(), at, copy);
        // A person's owed notice is asked about until served or until nothing is left to learn (gaps review xxxv P7).
        if (copy != null && entry.subjectKind() == SubjectKind.PERSON && NoticeServing.owed(kind)) {
            store.awaitService(id, entry.subjectId(), at, NoticeServing.askedUntil(kind, at).orElse(null));
        }
    }

    // ---- service (送达) of notices

    /**
     * A clerk records the service of a prior or exit notice (RULES.md §7): by post (the receipt's day), in person (the
     * day handed over) or, as the last resort, by public announcement ({@code day}: the day it was published; deemed
     * served {@link #announcementDays()} later). Recorded, never changed; audited in the subject's part of the log. A
     * prior notice's first service starts its period: the entry takes effect its notice days after (the earliest
     * service counts, so a receipt found later dating an earlier service brings the day forward).
     */
    @Transactional
    public void recordService(UUID noticeId, NoticeDelivery.Channel channel, LocalDate day, String note) {
        ListNotice notice = store.notice(noticeId).filter(n -> NoticeServing.owed(n.kind()))
                .orElseThrow(() -> new ListingProblem("LIST_NOTICE_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "没有需要送达的这份告知书"));
        if (note != null && !note.isBlank()) {
            TypedText.requireNoIdentityNumber("note", "送达情况说明", note);
        }
        NoticeServing.problem(channel, day, note, LocalDate.ofInstant(notice.issuedAt(), clock.getZone()),
                LocalDate.now(clock)).ifPresent(p -> {
                    throw new ListingProblem("LIST_SERVICE_INVALID", DomainProblem.Kind.INVALID_INPUT, p);
                });
        Instant servedAt = NoticeServing.servedOn(channel, day, announcementDays).atStartOfDay(clock.getZone())
                .toInstant();
        Actor by = AuditLog.currentActor();
        ListEntry entry = store.entry(notice.entryId()).orElseThrow();
        serve(notice, entry, new NoticeDelivery(Ids.newId(), noticeId, channel, servedAt,
                channel == NoticeDelivery.Channel.ANNOUNCEMENT ? day : null, blankToNull(note), by.actorId(),
                clock.instant()));
    }

    /**
     * The citizen has the text of their notices before them in self-service (我的名单与告知): those owed and not yet
     * served are served now, if the citizen's confirmation of electronic service is in force. Returns how many. A
     * decision is served as the 《民事诉讼法》 provides, electronically only where the party agreed and signed a
     * confirmation (《行政处罚法》第六十一条; gaps review xl U13): without one the read informs the citizen but serves
     * nothing, and the notice stays in the clerks' queue for service by post, in person or by announcement.
     */
    @Transactional
    public int readInSelfService(UUID subjectId) {
        Instant now = clock.instant();
        if (!eService.inForceAt(subjectId, now)) {
            return 0;
        }
        List<UUID> unserved = store.unservedOf(subjectId);
        String by = AuditLog.currentActor().actorId();
        for (UUID id : unserved) {
            ListNotice notice = store.notice(id).orElseThrow();
            serve(notice, store.entry(notice.entryId()).orElseThrow(), new NoticeDelivery(Ids.newId(), id,
                    NoticeDelivery.Channel.SELF_SERVICE, now, null, "本人在个人中心阅读", by, now));
        }
        return unserved.size();
    }

    /**
     * What the platform learns itself: an owed notice whose self-service copy the citizen has read (served when read)
     * or which was texted to their phone (served when sent, right after it was issued), each only if the citizen's
     * confirmation of electronic service was in force at that moment (《行政处罚法》第六十一条): a read or a text
     * before the agreement, or after its withdrawal, serves nothing. At most {@link
     * #READS_ASKED_PER_PASS} a pass, taken in turn: the citizens' notices are another module's, asked through its API.
     */
    private void learnSelfServiceReads(Instant now) {
        Map<UUID, List<JdbcListing.AwaitingRead>> bySubject = new HashMap<>();
        List<JdbcListing.AwaitingRead> drawn = store.awaitingRead(READS_ASKED_PER_PASS, now);
        // Nothing left to learn of these (gaps review xxxv P7): they leave the set instead of being drawn for ever.
        store.noLongerAwaited(drawn.stream().filter(JdbcListing.AwaitingRead::moot)
                .map(JdbcListing.AwaitingRead::notice).toList());
        List<JdbcListing.AwaitingRead> asked = drawn.stream().filter(a -> !a.moot()).toList();
        store.asked(asked.stream().map(JdbcListing.AwaitingRead::notice).toList(), now);
        asked.forEach(a -> bySubject.computeIfAbsent(a.subject(), k -> new ArrayList<>()).add(a));
        bySubject.forEach((subject, awaiting) -> {
            Map<UUID, cn.chengxin.account.Notice> copies = new HashMap<>();
            notices.of(subject).forEach(n -> copies.put(n.id(), n));
            for (JdbcListing.AwaitingRead a : awaiting) {
                cn.chengxin.account.Notice copy = copies.get(a.selfServiceNotice());
                if (copy == null) {
                    continue;
                }
                NoticeDelivery delivery = copy.readAt() != null && eService.inForceAt(subject, copy.readAt())
                        ? new NoticeDelivery(Ids.newId(), a.notice(), NoticeDelivery.Channel.SELF_SERVICE,
                                copy.readAt(), null, "本人在个人中心阅读", "system", now)
                        : copy.sms() == cn.chengxin.account.Notice.Sms.SENT
                                && eService.inForceAt(subject, copy.createdAt())
                        ? new NoticeDelivery(Ids.newId(), a.notice(), NoticeDelivery.Channel.SMS, copy.createdAt(),
                                null, "短信已发送至本人登记的手机号码", "system", now)
                        : null;
                if (delivery != null) {
                    ListNotice notice = store.notice(a.notice()).orElseThrow();
                    serve(notice, store.entry(notice.entryId()).orElseThrow(), delivery);
                }
            }
        });
    }

    private void serve(ListNotice notice, ListEntry entry, NoticeDelivery delivery) {
        store.deliver(delivery);
        if (notice.kind() == ListNotice.Kind.PRIOR && entry.status() == EntryStatus.NOTIFIED) {
            Instant served = NoticeServing.servedAt(store.deliveriesOfNotice(notice.id())).orElseThrow();
            int noticeDays = ruleOf(entry).map(ListRule::priorNoticeDays)
                    .orElse(ListRule.usualNoticeDays(entry.listType()));
            store.effectiveAfterService(entry.id(), NoticeServing.effectiveAfterService(noticeDays, served,
                    clock.getZone()));
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.notice.serve").subject(entry.subjectPseudonym())
                .detail(AuditDetail.of("LIST_NOTICE_SERVED")
                        .withLabel("notice", "lists.noticeKind." + notice.kind().name()).with("id", notice.id())
                        .withLabel("list", ListDetails.listKey(entry)).with("entry", entry.id())
                        .withLabel("channel", "lists.channel." + delivery.channel().name())
                        .with("servedOn", LocalDate.ofInstant(delivery.servedAt(), clock.getZone()))));
    }

    /** The days after which an announcement counts as served (《民事诉讼法》第九十五条: 30). */
    public int announcementDays() {
        return announcementDays;
    }

    /** A page of the notices owed and not yet served, of one department's entries or all ({@code department} null). */
    /**
     * A page of the notices waiting for service: how many wait in all; the notice the next page starts after (null:
     * none); whether this is a later page than the first ({@code paged}); the page's size; and the confirmations of
     * electronic service in force of the page's subjects, by subject id (gaps review xl U13 rest): with one, a read in
     * 个人中心 or a text will serve the notice, so the clerk may wait for it; without, it is posted or handed over now.
     */
    public record UnservedPage(List<UnservedNotice> notices, long total, UUID next, boolean paged, int size,
                               Map<UUID, ElectronicServiceAgreement> agreements) {
    }

    /** An owed notice waiting for service, with its entry. */
    public record UnservedNotice(ListNotice notice, ListEntry entry) {
    }

    /**
     * The notices waiting for service, the longest waiting first, from the start or after the notice {@code after}
     * (a page's last): by key, not by a page number (a late page of a city's backlog read every row before it).
     */
    public UnservedPage unserved(String department, UUID after, int size) {
        int s = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
        List<JdbcListing.UnservedNotice> read = store.unserved(department, after, s + 1);
        List<UnservedNotice> rows = read.stream().limit(s)
                .map(u -> new UnservedNotice(u.notice(), store.entry(u.notice().entryId()).orElseThrow())).toList();
        UUID next = read.size() > s ? rows.get(s - 1).notice().id() : null;
        // One statement for the page's subjects, not one a row: the queue of a city's backlog is long.
        Map<UUID, ElectronicServiceAgreement> agreements = eService.inForce(rows.stream()
                .filter(u -> u.entry().subjectKind() == SubjectKind.PERSON).map(u -> u.entry().subjectId()).toList());
        return new UnservedPage(rows, store.countUnserved(department), next, after != null, s, agreements);
    }

    public Optional<ListNotice> notice(UUID noticeId) {
        return store.notice(noticeId);
    }

    /** The services of each of the entry's notices, by notice id, in the order recorded. */
    public Map<UUID, List<NoticeDelivery>> deliveriesOfEntry(UUID entryId) {
        return byNotice(store.deliveriesOfEntry(entryId));
    }

    /** The services of each of the subject's notices, by notice id, in the order recorded. */
    public Map<UUID, List<NoticeDelivery>> deliveriesOf(UUID subjectId) {
        return byNotice(store.deliveriesOfSubject(subjectId));
    }

    public List<NoticeDelivery> deliveriesOfNotice(UUID noticeId) {
        return store.deliveriesOfNotice(noticeId);
    }

    private static Map<UUID, List<NoticeDelivery>> byNotice(List<NoticeDelivery> deliveries) {
        Map<UUID, List<NoticeDelivery>> by = new HashMap<>();
        deliveries.forEach(d -> by.computeIfAbsent(d.noticeId(), k -> new ArrayList<>()).add(d));
        return by;
    }

    // ---- reading

    public Optional<ListEntry> entry(UUID id) {
        return store.entry(id);
    }

    /**
     * The day on which the entry's person was judged of age or not (RULES.md §6), for its reviewer and its page: the
     * decision date of the record it rests on, as the credit file now holds it (else as the entry kept it), or the day
     * of the act a department's proposal named; empty for neither (an entry proposed by hand before act days were
     * kept).
     */
    public Optional<AgeJudgedOn> ageJudgedOn(ListEntry entry) {
        if (entry.recordKey() == null) {
            return Optional.ofNullable(entry.actDay()).map(day -> new AgeJudgedOn(day, false));
        }
        return creditFile.record(entry.subjectId(), entry.recordKey()).map(r -> new AgeJudgedOn(r.decisionDate(), true))
                .or(() -> Optional.ofNullable(entry.actDay()).map(day -> new AgeJudgedOn(day, true)));
    }

    /**
     * Whether the entry rests on a responsible person's copy of his organisation's record ({@link OwnConduct}): one
     * proposed before copies were told apart, which ends at its subject's next evaluation; its page says so meanwhile,
     * for the reviewer not to approve it.
     */
    public boolean restsOnLinkedCopy(ListEntry entry) {
        return entry.recordKey() != null && creditFile.record(entry.subjectId(), entry.recordKey())
                .filter(r -> !OwnConduct.of(r.linked())).isPresent();
    }

    /** {@code byRecord}: the day is the decision date of the entry's record, not a day of the act named by hand. */
    public record AgeJudgedOn(LocalDate day, boolean byRecord) {
    }

    /**
     * A page of the console's entries: how many the search finds, counted up to {@link #COUNTED_UP_TO} ({@code more}:
     * more than that); the keys of the entries the pages before and after it start from (null: none), as the pages'
     * addresses name them; the page's size.
     */
    public record EntryPage(List<ListEntry> entries, long total, boolean more, String previous, String next,
                            int size) {

        public static EntryPage empty(int size) {
            return new EntryPage(List.of(), 0, false, null, null, size);
        }
    }

    /**
     * A page of the entries a reviewer searches for, in the order of {@link EntrySearch#oldestProposalFirst()}, from
     * the start or from the entry whose key a page ended with ({@code after}) or began with ({@code before}): keyset,
     * read within an index of the search's filter whatever the number of entries ever made, and counted up to a bound
     * (gaps review xxxv P6 rest: a clerk pages the entries to work them and filters or searches to find one; an exact
     * count of every entry ever made cost a read of all of them at every page). The page size is bounded; a key that
     * is not one (a mistyped address) starts from the first page.
     */
    public EntryPage entries(EntrySearch search, String after, String before, int size) {
        int s = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
        // The department is kept as given, blank included: a blank one matches no entry rather than every one.
        EntrySearch clean = new EntrySearch(search.status(), search.type(), blankToNull(search.ruleCode()),
                blankToNull(search.name()), blankToNull(search.pseudonym()), search.department());
        boolean backwards = blankToNull(before) != null;
        Object from = searchKey(clean, backwards ? before : after);
        if (from == null) {
            backwards = false;
        }
        List<ListEntry> read = store.search(clean, from, backwards, s + 1);
        if (backwards && read.isEmpty()) {
            return entries(search, null, null, size); // nothing before it: the first page
        }
        KeyedPage page = KeyedPage.of(read, s, from != null, backwards);
        long counted = store.countSearch(clean, COUNTED_UP_TO + 1);
        return new EntryPage(page.shown(), Math.min(counted, COUNTED_UP_TO), counted > COUNTED_UP_TO,
                page.first().map(e -> keyOf(clean, e)).orElse(null),
                page.last().map(e -> keyOf(clean, e)).orElse(null), s);
    }

    /**
     * A page read by key: {@code read}, at most one more than {@code size} (backwards: the nearest first), as shown
     * in the page's order; the entries the pages before and after it start from, where there are such pages.
     */
    private record KeyedPage(List<ListEntry> shown, Optional<ListEntry> first, Optional<ListEntry> last) {

        static KeyedPage of(List<ListEntry> read, int size, boolean from, boolean backwards) {
            boolean beyond = read.size() > size;
            List<ListEntry> shown = new ArrayList<>(read.subList(0, Math.min(size, read.size())));
            if (backwards) {
                java.util.Collections.reverse(shown);
            }
            boolean hasPrevious = backwards ? beyond : from;
            boolean hasNext = backwards || beyond;
            return new KeyedPage(shown, hasPrevious && !shown.isEmpty() ? Optional.of(shown.get(0)) : Optional.empty(),
                    hasNext && !shown.isEmpty() ? Optional.of(shown.get(shown.size() - 1)) : Optional.empty());
        }
    }

    /** An entry's key in the search's order: its id in the review queue, its latest change's number elsewhere. */
    private static String keyOf(EntrySearch search, ListEntry entry) {
        return search.oldestProposalFirst() ? entry.id().toString() : Long.toString(entry.changeSeq());
    }

    /** The key as the store takes it, null for none or for text that is not a key of the search's order. */
    private static Object searchKey(EntrySearch search, String key) {
        String k = blankToNull(key);
        if (k == null) {
            return null;
        }
        try {
            return search.oldestProposalFirst() ? UUID.fromString(k) : (Object) Long.parseLong(k);
        } catch (IllegalArgumentException notAKey) {
            return null;
        }
    }

    public List<ListEntry> entriesOf(UUID subjectId) {
        return store.entriesOf(subjectId);
    }

    public List<ListNotice> noticesOf(UUID subjectId) {
        return store.noticesOf(subjectId);
    }

    public List<ListNotice> noticesOfEntry(UUID entryId) {
        return store.noticesOfEntry(entryId);
    }

    /**
     * A page of the entries of a type that are now in a status, by their last change after {@code seq}, oldest
     * first: for going through all of them, such as the exchange's catch-up of a partner declared late.
     */
    public List<ListEntry> entriesSince(EntryStatus status, ListType type, long seq, int limit) {
        return store.byStatusSince(status, type, seq, limit);
    }

    /**
     * Entries changed after {@code seq}, oldest change first, with the proceedings pending against their records
     * ({@link ListEntry#recordProceedings()}): the check index follows this feed.
     */
    public List<ListEntry> changesSince(long seq, int limit) {
        return proceedings.withRecordProceedings(store.changesSince(seq, limit));
    }

    /**
     * Entries whose last change has a number in the spans a follower stepped over ({@link FeedCursor#skipped()}),
     * oldest change first, as {@link #changesSince} gives them: a change committed after its cursor moved past it.
     */
    public List<ListEntry> changesIn(List<FeedCursor.Skipped> spans, int limit) {
        return spans.isEmpty() ? List.of() : proceedings.withRecordProceedings(store.changesIn(spans, limit));
    }

    /**
     * A page of a public list: its entries; how many it holds in all, counted up to {@link #COUNTED_UP_TO} ({@code
     * more}: more than that); the entries the pages before and after it start from (null: none), as the addresses of
     * those pages name them.
     */
    public record PublicPage(List<ListEntry> entries, long total, boolean more, UUID previous, UUID next) {

        public static PublicPage empty() {
            return new PublicPage(List.of(), 0, false, null, null);
        }
    }

    /**
     * How far a public list is counted (gaps review xxxv P6): a visitor pages a list to read its entries and searches
     * it for a name, and needs to know that more follow, not the exact size of a list of hundreds of thousands, which
     * cost a read of all of it at every page; an exact count kept per list could not follow the entries a day ends or
     * a birth date withholds. A search's few entries are counted exactly.
     */
    public static final int COUNTED_UP_TO = 1_000;

    /**
     * What the public site lists: entries in force (and, for the red list, those in their public notice), by exact
     * name (the name an entry was made under, or its subject's current or former name) or by the pseudonym of an
     * identity number; never those of a person under 18 today or of unknown age, nor
     * those resting on a record of an item the catalogue does not share publicly ({@link PublicListing}), whose
     * entries stay in force all the same. A page at a time, newest first, from the start or from the entry a page
     * ended with ({@code after}) or began with ({@code before}): keyset, read within an index in the page's order
     * whatever the list's size (gaps review xxxv P6).
     */
    public PublicPage published(ListType type, boolean inNotice, String name, String pseudonym, UUID after,
                                UUID before, int size) {
        EntryStatus status = inNotice ? EntryStatus.PUBLIC_NOTICE : EntryStatus.EFFECTIVE;
        LocalDate today = LocalDate.now(clock);
        String named = blankToNull(name);
        // A renamed subject is found by its current name and by each former one, whichever name its entries were made
        // under (gaps review xxv H6): the registry names the few renamed subjects that bear or bore it.
        JdbcListing.ByName n = named == null ? null
                : new JdbcListing.ByName(named, subjects.renamedSubjectsCalled(named));
        String ps = blankToNull(pseudonym);
        UUID from = before != null ? before : after;
        boolean backwards = before != null;
        // Judged against the registry's birth dates: a child listed today is named once of age, and a birth date
        // completed later counts within a minute; the page and its count leave out the same subjects.
        List<UUID> withheld = withheldFromPublic.among(type, status, n, ps, today);
        List<ListEntry> read = store.published(type, status, n, ps, withheld, today, from, backwards, size + 1);
        // An entry committed after the persons were judged is judged before it is shown, and the page read again.
        List<UUID> late = withheldFromPublic.withheldAmong(personsOn(read), today);
        while (!late.isEmpty()) {
            withheld = java.util.stream.Stream.concat(withheld.stream(), late.stream()).distinct().toList();
            read = store.published(type, status, n, ps, withheld, today, from, backwards, size + 1);
            late = withheldFromPublic.withheldAmong(personsOn(read), today);
        }
        if (backwards && read.isEmpty()) {
            return published(type, inNotice, name, pseudonym, null, null, size); // nothing newer: the first page
        }
        KeyedPage page = KeyedPage.of(read, size, from != null, backwards);
        long counted = store.countPublished(type, status, n, ps, withheld, today, COUNTED_UP_TO + 1);
        return new PublicPage(page.shown(), Math.min(counted, COUNTED_UP_TO), counted > COUNTED_UP_TO,
                page.first().map(ListEntry::id).orElse(null), page.last().map(ListEntry::id).orElse(null));
    }

    /**
     * How pages name the entries' subjects ({@link EntryName}): by current name, with the name listed under as 曾用名
     * when the subject has been renamed since; one look-up for the page's entries, by entry id.
     */
    public Map<UUID, EntryName> namesOf(List<ListEntry> entries) {
        Map<UUID, SubjectRegistry.Named> current = subjects.namesOf(entries.stream().map(ListEntry::subjectId)
                .collect(java.util.stream.Collectors.toSet()));
        Map<UUID, EntryName> names = new java.util.HashMap<>();
        for (ListEntry e : entries) {
            SubjectRegistry.Named now = current.get(e.subjectId());
            names.put(e.id(), EntryName.of(e.subjectKind(), e.subjectName(), now == null ? null : now.name()));
        }
        return names;
    }

    private static List<UUID> personsOn(List<ListEntry> shown) {
        return shown.stream().filter(e -> e.subjectKind() == SubjectKind.PERSON).map(ListEntry::subjectId).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
