package cn.chengxin.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.catalog.domain.CatalogueProblem;
import cn.chengxin.catalog.domain.EffectiveDates;
import cn.chengxin.catalog.domain.ItemChange;
import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.FourEyes;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.ItemRules;
import cn.chengxin.catalog.domain.ProvidingDepartments;
import cn.chengxin.catalog.domain.Withdrawal;
import cn.chengxin.catalog.persistence.JdbcCatalogue;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The information catalogue. An item changes only by a new version: a draft is prepared (catalog:edit),
 * submitted, and approved by another person (catalog:approve) — maker-checker — upon which it replaces the
 * active version, which is kept as retired. Active versions are never edited. An item leaves the catalogue the same
 * way: a withdrawal (废止) is a version proposed with its reason and basis and approved by another person; it stays
 * in force for what was collected under the item, which takes nothing new from then on ({@link Withdrawal}).
 */
@Service
public class Catalogue {

    /** Who drafts and submits the base catalogue's items: the release, nobody of the city. */
    private static final String SYSTEM = "system";

    private final JdbcCatalogue items;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final StaffDirectory directory;
    private final Clock clock;
    private final int noticeDays;

    /** {@code noticeDays}: the credit office's notice period for a change that narrows rows ({@link EffectiveDates}). */
    Catalogue(JdbcCatalogue items, ApplicationEventPublisher events, AuditLog audit, StaffDirectory directory,
              Clock clock, @Value("${chengxin.catalog.notice-days:30}") int noticeDays) {
        this.items = items;
        this.events = events;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
        this.noticeDays = noticeDays;
    }

    /**
     * For the catalogue console only: the version in force of each item and any version being prepared (draft or
     * pending), and an item never in force whose drafts were all given up (to be drafted again), per code newest first. A version in preparation has not been approved by a second person and must
     * count nowhere: everything else reads {@link #active()}.
     */
    public List<CatalogueItem> withVersionsInPreparation() {
        return items.withVersionsInPreparation();
    }

    /**
     * How many versions (new items, revisions, withdrawals) submitted by others wait for {@code checkerName} (a staff
     * user's name) to approve them (四眼原则, {@link cn.chengxin.catalog.domain.FourEyes}), for 工作台 (finding K6).
     */
    public long awaitingApproval(String checkerName) {
        return items.countPendingFor(checkerName);
    }

    /**
     * The versions in force (approved, one per code): what records are read, scored and shown by. A withdrawn item's
     * version stays among them for the records delivered under it ({@link CatalogueItem#withdrawn()}): whoever offers
     * items for new use, or takes new records, leaves those out.
     */
    public List<CatalogueItem> active() {
        return items.active();
    }

    public Optional<CatalogueItem> active(String code) {
        return items.active(code);
    }

    /**
     * Every version of every item that was ever in force, by code and version: a record is read by the version it
     * was stored under (its severity, periods, repair), not by whatever version replaced it since.
     */
    public ItemVersions versionsEverInForce() {
        return new ItemVersions(items.everInForce());
    }

    public List<CatalogueItem> history(String code) {
        return items.history(code);
    }

    /** The departments that may provide an item: their names by code, in the order of the codes. */
    public SortedMap<String, String> departments() {
        return new TreeMap<>(directory.departmentNames());
    }

    /**
     * The departments an item's providers are picked from: those the city has, and any the item already names. A
     * department marked 未设立 (gaps review xliii X11) provides nothing, so it is no new choice; a version naming it
     * keeps it shown by name until the maker unticks it.
     */
    public SortedMap<String, String> providerChoices(java.util.Collection<String> named) {
        SortedMap<String, String> choices = new TreeMap<>();
        directory.departments().stream().filter(d -> d.active() || named.contains(d.code()))
                .forEach(d -> choices.put(d.code(), d.name()));
        return choices;
    }

    /** An approved change of an item: the version retired and the one in force after it. */
    public record Revision(ItemDefinition before, ItemDefinition now) {
    }

    /**
     * The change {@link ItemVersionApproved} announced, for modules that redo what they derived from the item;
     * empty for a new item (nothing came before it).
     */
    public Optional<Revision> revision(ItemVersionApproved approved) {
        ItemDefinition now = null;
        ItemDefinition before = null;
        for (CatalogueItem i : items.history(approved.code())) {
            if (i.version() == approved.version()) {
                now = i.definition();
            } else if (i.version() == approved.previousVersion()) {
                before = i.definition();
            }
        }
        return now == null || before == null ? Optional.empty() : Optional.of(new Revision(before, now));
    }

    /**
     * Starts a new item, or a new version of an existing one, as a draft. Its providers are departments of the
     * directory, or already named by the version in force ({@link ProvidingDepartments}).
     */
    @Transactional
    public CatalogueItem draft(ItemDefinition definition, String note) {
        // Its name, basis and description are public (信用信息目录 on the portal): RULES.md §10, no number in clear.
        TypedText.requireNoIdentityNumber("name", "名称", definition.name());
        TypedText.requireNoIdentityNumber("legalBasis", "法律法规依据", definition.legalBasis());
        TypedText.requireNoIdentityNumber("description", "说明", definition.description());
        TypedText.requireNoIdentityNumber("changeNote", "修改说明", note);
        // Its fields' labels and choices too: they title the columns of every record shown, in the console, the
        // file, the report and the portal's catalogue.
        for (FieldDefinition field : definition.fields()) {
            TypedText.requireNoIdentityNumber("fields", "字段名称", field.label());
            for (String choice : field.choices()) {
                TypedText.requireNoIdentityNumber("fields", "字段选项", choice);
            }
        }
        ItemDefinition d = ItemDefinition.withDefaultPeriods(definition);
        List<ItemRules.Violation> violations = new ArrayList<>(ItemRules.forSaving(d));
        violations.addAll(ProvidingDepartments.unknown(d, directory.departmentNames().keySet(),
                items.active(d.code()).map(i -> i.definition().providers()).orElse(List.of())));
        requireNone(violations);
        if (items.active(d.code()).filter(CatalogueItem::withdrawn).isPresent()) {
            throw new CatalogueProblem("ITEM_WITHDRAWN", DomainProblem.Kind.CONFLICT,
                    "该事项已废止，不能再修改；目录修订重新列入的，请以新的事项代码新建");
        }
        requireNoneScheduled(d.code());
        Optional<CatalogueItem> open = items.inPreparation(d.code());
        if (open.isPresent() && open.get().status() == CatalogueItem.Status.PENDING) {
            throw new CatalogueProblem("ITEM_PENDING", DomainProblem.Kind.CONFLICT, "该事项有待审核的版本，审核完成前不能修改");
        }
        String by = AuditLog.currentActor().actorName();
        Instant now = clock.instant();
        UUID id;
        if (open.isPresent()) {
            id = open.get().id();
            items.updateDraft(id, d, note, by);
        } else {
            id = Ids.newId();
            try {
                items.insert(id, items.nextVersion(d.code()), CatalogueItem.Status.DRAFT, d, note, by, now);
            } catch (DuplicateKeyException sameCodeAtOnce) {
                // Two people creating the same code at once: nothing was there to lock, and the second insert meets
                // the first's version (unique code and version). A conflict to refresh, not a server error.
                throw new CatalogueProblem("ITEM_EXISTS", DomainProblem.Kind.CONFLICT,
                        "该事项代码已由他人同时起草：请刷新后在该事项的页面修改");
            }
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.draft").detail(d.code()));
        return items.inPreparation(d.code()).orElseThrow();
    }

    @Transactional
    public void submit(String code) {
        CatalogueItem draft = items.inPreparation(code).filter(i -> i.status() == CatalogueItem.Status.DRAFT)
                .orElseThrow(() -> new CatalogueProblem("ITEM_NO_DRAFT", DomainProblem.Kind.CONFLICT, "该事项没有草稿"));
        requireNone(ItemRules.forActivation(draft.definition()));
        items.submit(draft.id(), AuditLog.currentActor().actorName(), clock.instant());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.submit").detail(code + " v" + draft.version()));
    }

    /**
     * Gives up the item's draft (放弃草稿): kept as discarded, with who gave it up and why, so that it no longer blocks
     * the item's next change (one version in preparation at a time). Whoever may edit drafts may discard one; a
     * version already submitted is decided by a checker instead.
     */
    @Transactional
    public void discard(String code, String note) {
        TypedText.requireNoIdentityNumber("note", "放弃理由", note);
        if (note != null && note.strip().length() > 200) {
            throw new CatalogueProblem("DISCARD_NOTE_TOO_LONG", DomainProblem.Kind.INVALID_INPUT, "放弃理由不超过 200 字");
        }
        CatalogueItem draft = items.inPreparation(code).filter(i -> i.status() == CatalogueItem.Status.DRAFT)
                .orElseThrow(() -> new CatalogueProblem("ITEM_NO_DRAFT", DomainProblem.Kind.CONFLICT, "该事项没有草稿"));
        items.discard(draft.id(), AuditLog.currentActor().actorName(), clock.instant(),
                note == null || note.isBlank() ? null : note.strip());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.discard").detail(code + " v" + draft.version()));
    }

    /**
     * Proposes withdrawing the item (废止) when the catalogue is revised ({@link Withdrawal.Kind#REVISION}): see
     * {@link #proposeWithdrawal(String, String, String, Withdrawal.Kind)}.
     */
    @Transactional
    public CatalogueItem proposeWithdrawal(String code, String reason, String basis) {
        return proposeWithdrawal(code, reason, basis, Withdrawal.Kind.REVISION);
    }

    /**
     * Proposes withdrawing the item (废止): a new version with the definition in force, the reason, the document it
     * rests on and its kind — the catalogue revised, or the item's legal basis revoked, which withdraws its records
     * once approved ({@link Withdrawal}) — submitted at once for another person to approve ({@link #approve}). Refused
     * for an item not in force or already withdrawn, and while another version of it is being prepared (it is approved
     * or sent back first: one change at a time).
     */
    @Transactional
    public CatalogueItem proposeWithdrawal(String code, String reason, String basis, Withdrawal.Kind kind) {
        requireNone(Withdrawal.forProposal(reason, basis, kind));
        TypedText.requireNoIdentityNumber("reason", "废止理由", reason);
        TypedText.requireNoIdentityNumber("basis", "废止依据", basis);
        CatalogueItem inForce = items.active(code).orElseThrow(() -> items.history(code).isEmpty()
                ? new CatalogueProblem("ITEM_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "信用信息目录中没有该事项")
                : new CatalogueProblem("ITEM_NOT_ACTIVE", DomainProblem.Kind.CONFLICT, "该事项没有启用的版本，无须废止"));
        if (inForce.withdrawn()) {
            throw new CatalogueProblem("ITEM_WITHDRAWN", DomainProblem.Kind.CONFLICT, "该事项已废止");
        }
        requireNoneScheduled(code);
        if (items.inPreparation(code).isPresent()) {
            throw new CatalogueProblem("ITEM_IN_PREPARATION", DomainProblem.Kind.CONFLICT,
                    "该事项有草稿或待审核的版本：须先审核通过或退回，才能提出废止");
        }
        String by = AuditLog.currentActor().actorName();
        UUID id = Ids.newId();
        int version = items.nextVersion(code);
        Instant now = clock.instant();
        items.insert(id, version, CatalogueItem.Status.DRAFT, inForce.definition(), reason.strip(), by, now);
        items.proposeWithdrawal(id, basis.strip(), kind, by, now);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.withdraw.propose")
                .purpose(reason.strip(), basis.strip()).detail(AuditDetail.of("CATALOG_WITHDRAWAL_PROPOSED")
                        .with("item", code).with("version", version).withLabel("kind", kindKey(kind))));
        return items.inPreparation(code).orElseThrow();
    }

    /**
     * The checker's approval of the version they reviewed, in force at once: {@link #approve(String, int, String,
     * LocalDate)} with the approval's day.
     */
    @Transactional
    public void approve(String code, int version, String note) {
        approve(code, version, note, null);
    }

    /**
     * The checker's approval of the version they reviewed, in force from {@code effectiveFrom} (null: at once; never
     * before today, {@link EffectiveDates}). In force today, it becomes active and the previous one is retired. Later,
     * it waits as SCHEDULED, the version in force still validating rows, until {@link #putDueInForce} puts it in force
     * on that day (gaps review xxxvii-api R4). Either way it is numbered in the change feed and the departments
     * providing the item, before or after, are told ({@link #changeNotices}). An item's withdrawal is approved the same
     * way, in force at once; it puts no definition to new use, so the rules for activation are not asked again. A
     * withdrawal for a revoked basis also has the item's records withdrawn ({@link ItemBasisRevoked}, whose pass starts
     * in this transaction). Refused when another version is pending by then ({@link #pending(String, int)}).
     */
    @Transactional
    public void approve(String code, int version, String note, LocalDate effectiveFrom) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        CatalogueItem pending = pending(code, version);
        String action = pending.withdrawal() == null ? "catalog.approve" : "catalog.withdraw.approve";
        String by = AuditLog.currentActor().actorName();
        if (!FourEyes.mayApprove(by, pending.createdBy(), pending.submittedBy(), pending.editors())) {
            String refusal = pending.withdrawal() == null
                    ? "不能审核自己起草、修改或提交的版本（双人复核）" : "不能审核自己提出的废止（双人复核）";
            // The refusal as the checker was told it, named in the auditor's language (K7).
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, action).result(AuditResult.DENIED)
                    .detail(AuditDetail.of(pending.withdrawal() == null ? "CATALOG_OWN_VERSION"
                            : "CATALOG_OWN_WITHDRAWAL").with("item", code).with("version", pending.version())));
            throw new CatalogueProblem("FOUR_EYES", DomainProblem.Kind.FORBIDDEN, refusal);
        }
        if (pending.withdrawal() == null) {
            requireNone(ItemRules.forActivation(pending.definition()));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = effectiveFrom == null || pending.withdrawal() != null ? today : effectiveFrom;
        requireNone(EffectiveDates.check(today, from));
        Optional<CatalogueItem> inForce = items.active(code);
        long seq = items.numberChange(pending.id(), from);
        List<String> told = new ArrayList<>(pending.definition().providers());
        inForce.ifPresent(i -> i.definition().providers().stream().filter(p -> !told.contains(p)).forEach(told::add));
        items.notifyDepartments(seq, code, pending.version(), told, now);
        if (from.isAfter(today)) {
            items.decide(pending.id(), CatalogueItem.Status.SCHEDULED, by, now, note);
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, action).detail(AuditDetail.of(
                    "CATALOG_APPROVED_EFFECTIVE").with("item", code).with("version", pending.version())
                    .with("effectiveFrom", from.toString())));
            return;
        }
        int previous = inForce.map(CatalogueItem::version).orElse(0);
        items.retireActive(code, now);
        items.decide(pending.id(), CatalogueItem.Status.ACTIVE, by, now, note);
        events.publishEvent(new ItemVersionApproved(code, pending.version(), previous));
        if (pending.withdrawal() != null && pending.withdrawal().withdrawsRecords()) {
            items.startWithdrawingRecords(pending.id());
            events.publishEvent(new ItemBasisRevoked(code, pending.version()));
        }
        AuditEntry approved = AuditEntry.of(AuditCategory.PROCESSING, action);
        audit.record(pending.withdrawal() == null ? approved.detail(code + " v" + pending.version())
                : approved.purpose(pending.withdrawal().reason(), pending.withdrawal().basis())
                        .detail(AuditDetail.of("CATALOG_WITHDRAWAL_APPROVED").with("item", code)
                                .with("version", pending.version())
                                .withLabel("kind", kindKey(pending.withdrawal().kind()))));
    }

    /**
     * Puts in force each approved version whose effective day is {@code day} or before (the catalogue's job, every
     * minute, with today): the version before it is retired and {@link ItemVersionApproved} published, as an approval
     * in force at once does. Returns the versions put in force, as "CODE vN".
     * <p>
     * A version whose cancellation waits for the second person is held back, past its day if need be (待撤销审核;
     * gaps review xxxvii-api R4, session xl): the maker has said the change is wrong or the departments are not ready,
     * and a version in force cannot be cancelled any more — putting it in force would decide the cancellation by the
     * calendar instead of the checker. Sent back, it is taken at this job's next step; approved, it never takes effect.
     */
    @Transactional
    public List<String> putDueInForce(LocalDate day) {
        List<String> done = new ArrayList<>();
        Instant now = clock.instant();
        for (CatalogueItem due : items.dueOn(day)) {
            int previous = items.active(due.code()).map(CatalogueItem::version).orElse(0);
            items.retireActive(due.code(), now);
            if (!items.putInForce(due.id(), now)) {
                throw new IllegalStateException("Scheduled version vanished: " + due.code() + " v" + due.version());
            }
            events.publishEvent(new ItemVersionApproved(due.code(), due.version(), previous));
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.effective").detail(AuditDetail.of(
                    "CATALOG_VERSION_IN_FORCE").with("item", due.code()).with("version", due.version())
                    .with("effectiveFrom", String.valueOf(due.effectiveFrom()))));
            done.add(due.code() + " v" + due.version());
        }
        return done;
    }

    /**
     * Proposes cancelling the item's approved version {@code version} before its effective day (撤销待生效版本, gaps
     * review xxxvii-api R4): the change turned out wrong, or the departments cannot be ready. As every catalogue change,
     * a second person decides ({@link #approveCancellation}). Until then the version does not take effect, even once its
     * day has come ({@link #putDueInForce}); sent back, it takes effect on its day, or at the job's next step if that
     * has passed.
     * Refused for a version not waiting for its day (ITEM_NOT_SCHEDULED) and for one whose cancellation is already
     * proposed (CANCELLATION_PENDING).
     */
    @Transactional
    public void proposeCancellation(String code, int version, String reason) {
        if (reason == null || reason.strip().length() < 4 || reason.strip().length() > 500) {
            throw CatalogueProblem.invalid("CANCELLATION_REASON_MISSING", "撤销须说明理由（4 至 500 字）");
        }
        TypedText.requireNoIdentityNumber("reason", "撤销理由", reason);
        CatalogueItem scheduled = scheduledVersion(code, version);
        if (scheduled.cancellation() != null
                || !items.proposeCancellation(scheduled.id(), reason.strip(), AuditLog.currentActor().actorName(),
                        clock.instant())) {
            // Put in force by the job between the read and the update: no longer scheduled, as the checker is told.
            scheduledVersion(code, version);
            throw new CatalogueProblem("CANCELLATION_PENDING", DomainProblem.Kind.CONFLICT,
                    "该版本的撤销申请已提出，待另一人审核");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.cancel.propose").purpose(reason.strip(), null)
                .detail(AuditDetail.of("CATALOG_CANCELLATION_PROPOSED").with("item", code).with("version", version)));
    }

    /**
     * A second person approves the proposed cancellation of the scheduled version {@code version}: it becomes
     * CANCELLED and never takes effect; the version in force stays. The cancellation takes a new number in the change
     * feed (kind CANCELLATION), so that a system that read the approval reads its cancellation after it, and the
     * departments told of the approval are told of the cancellation under that number. Refused to the person who
     * proposed it (FOUR_EYES), for a version put in force meanwhile (ITEM_NOT_SCHEDULED) and when no cancellation is
     * proposed (CANCELLATION_NONE).
     */
    @Transactional
    public void approveCancellation(String code, int version) {
        CatalogueItem scheduled = proposedCancellation(code, version);
        String by = AuditLog.currentActor().actorName();
        if (by.equals(scheduled.cancellation().proposedBy())) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.cancel.approve").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("CATALOG_OWN_CANCELLATION").with("item", code).with("version", version)));
            throw new CatalogueProblem("FOUR_EYES", DomainProblem.Kind.FORBIDDEN, "不能审核自己提出的撤销（双人复核）");
        }
        Instant now = clock.instant();
        long seq = items.cancel(scheduled.id(), by, now).orElseThrow(() -> notScheduled(code, version));
        List<String> told = items.noticesOfChange(scheduled.changeSeq()).stream().map(ChangeNotice::departmentCode)
                .toList();
        items.notifyDepartments(seq, code, version, told, now);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.cancel.approve")
                .purpose(scheduled.cancellation().reason(), null).detail(AuditDetail.of("CATALOG_VERSION_CANCELLED")
                        .with("item", code).with("version", version)
                        .with("effectiveFrom", String.valueOf(scheduled.effectiveFrom()))));
    }

    /**
     * The checker sends the proposed cancellation back, with a reason: the version takes effect on its day, or at the
     * job's next step ({@link #putDueInForce}) when the day passed while the cancellation waited.
     */
    @Transactional
    public void rejectCancellation(String code, int version, String note) {
        if (note == null || note.isBlank()) {
            throw CatalogueProblem.invalid("REJECTION_REASON_MISSING", "退回须说明理由");
        }
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        CatalogueItem scheduled = proposedCancellation(code, version);
        if (!items.dropCancellation(scheduled.id(), clock.instant())) {
            throw notScheduled(code, version);
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.cancel.reject").purpose(note.strip(), null)
                .detail(AuditDetail.of("CATALOG_CANCELLATION_REJECTED").with("item", code).with("version", version)));
    }

    private CatalogueItem scheduledVersion(String code, int version) {
        return items.scheduled(code).filter(s -> s.version() == version).orElseThrow(() -> notScheduled(code, version));
    }

    private CatalogueItem proposedCancellation(String code, int version) {
        CatalogueItem scheduled = scheduledVersion(code, version);
        if (scheduled.cancellation() == null) {
            throw new CatalogueProblem("CANCELLATION_NONE", DomainProblem.Kind.CONFLICT, "该版本没有待审核的撤销申请");
        }
        return scheduled;
    }

    private static CatalogueProblem notScheduled(String code, int version) {
        return new CatalogueProblem("ITEM_NOT_SCHEDULED", DomainProblem.Kind.CONFLICT, "该事项的第 " + version
                + " 版不是待生效的版本（已生效、已撤销或不存在），不能撤销");
    }

    /**
     * When the public catalogue as a whole last changed (an approval, a version put in force or retired, a
     * cancellation proposed, sent back or approved): the time {@code GET /api/v1/catalog/items} answers as its
     * {@code Last-Modified}; empty when nothing was ever approved.
     */
    public Optional<Instant> lastChanged() {
        return items.lastChanged();
    }

    /**
     * When the documents of one version of the item last changed — the version in force ({@code version} null) or one
     * {@link #published(String, Integer)} serves by number; empty when there is none.
     */
    public Optional<Instant> lastChanged(String code, Integer version) {
        return items.lastChanged(code, version);
    }

    /** The approved versions waiting for their effective day (at most one an item), by code. */
    public List<CatalogueItem> scheduled() {
        return items.scheduled();
    }

    public Optional<CatalogueItem> scheduled(String code) {
        return items.scheduled(code);
    }

    /** The approved changes numbered after {@code since}, in the order approved, {@code limit} at the most. */
    public List<CatalogueItem> changesAfter(long since, int limit) {
        return items.changesAfter(since, limit);
    }

    /**
     * A version of the item approved by a second person, as published to departments' systems: the one in force
     * ({@code version} null), or version {@code version} if it was ever in force or waits for its day (SCHEDULED).
     * Drafts and pending versions count nowhere.
     */
    public Optional<CatalogueItem> published(String code, Integer version) {
        if (version == null) {
            return items.active(code);
        }
        return items.version(code, version).filter(i -> i.status() == CatalogueItem.Status.ACTIVE
                || i.status() == CatalogueItem.Status.RETIRED || i.status() == CatalogueItem.Status.SCHEDULED);
    }

    /** The version {@code version} of the item, in any status. */
    public Optional<CatalogueItem> version(String code, int version) {
        return items.version(code, version);
    }

    /**
     * What {@code version} changes in a row's fields against the version of the item approved before it that was in
     * force (a new item: all its fields added).
     */
    public ItemChange changeOf(CatalogueItem version) {
        return before(version).map(before -> ItemChange.between(before.definition(), version.definition()))
                .orElseGet(() -> ItemChange.newItem(version.definition()));
    }

    /** The version of the item in force before {@code version} was approved; empty for a new item. */
    public Optional<CatalogueItem> before(CatalogueItem version) {
        return items.history(version.code()).stream()
                .filter(i -> i.version() < version.version() && (i.status() == CatalogueItem.Status.ACTIVE
                        || i.status() == CatalogueItem.Status.RETIRED))
                .findFirst();
    }

    /**
     * The day the console proposes to the checker for the pending version: today for a change no row can be refused
     * by, else today plus the credit office's notice period ({@link EffectiveDates#proposed}).
     */
    public LocalDate proposedEffectiveDate(CatalogueItem pending) {
        LocalDate today = LocalDate.now(clock);
        return pending.withdrawal() != null ? today : EffectiveDates.proposed(today, changeOf(pending), noticeDays);
    }

    /** The notices of the department's catalogue changes, newest first (its 消息通知). */
    public List<ChangeNotice> changeNotices(String department) {
        return items.noticesOf(department, 100);
    }

    /** The departments told of change {@code seq}, with whether they read it (for the credit office). */
    public List<ChangeNotice> toldOf(long seq) {
        return items.noticesOfChange(seq);
    }

    /** How many of the department's change notices nobody of it has read yet (工作台). */
    public long unreadChangeNotices(String department) {
        return items.unreadNotices(department);
    }

    /** The department's operator has read the notice of change {@code seq} (知悉); audited. */
    @Transactional
    public void acknowledgeChange(String department, long seq) {
        if (!items.acknowledge(department, seq, AuditLog.currentActor().actorName(), clock.instant())) {
            throw new CatalogueProblem("CHANGE_NOTICE_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                    "本部门没有这条未读的目录变更通知");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.change.acknowledge").detail(AuditDetail.of(
                "CATALOG_CHANGE_ACKNOWLEDGED").with("change", seq).with("department", department)));
    }

    private void requireNoneScheduled(String code) {
        items.scheduled(code).ifPresent(s -> {
            throw new CatalogueProblem("ITEM_SCHEDULED", DomainProblem.Kind.CONFLICT, "该事项的第 " + s.version()
                    + " 版已审核通过，将于 " + s.effectiveFrom() + " 生效：生效前不能再修改或废止");
        });
    }

    /** The checker sends back the version they reviewed, with a reason; refused as {@link #approve} is. */
    @Transactional
    public void reject(String code, int version, String note) {
        CatalogueItem pending = pending(code, version);
        if (note == null || note.isBlank()) {
            throw CatalogueProblem.invalid("REJECTION_REASON_MISSING", "退回须说明理由");
        }
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        items.decide(pending.id(), CatalogueItem.Status.REJECTED, AuditLog.currentActor().actorName(),
                clock.instant(), note);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, pending.withdrawal() == null ? "catalog.reject"
                : "catalog.withdraw.reject").detail(code + " v" + pending.version()));
    }

    /**
     * What an approved withdrawal for a revoked basis ({@link ItemBasisRevoked}) gives each of the item's records it
     * withdraws: the reason its subject reads ({@link Withdrawal#recordRevocationReason()}) and who approved it, who
     * stands for the withdrawal in the records' history. Empty for any other version.
     */
    public Optional<BasisRevocation> basisRevocation(String code, int version) {
        return items.history(code).stream()
                .filter(i -> i.version() == version && i.withdrawn() && i.withdrawal().withdrawsRecords())
                .findFirst().map(i -> new BasisRevocation(i.withdrawal().recordRevocationReason(), i.decidedBy()));
    }

    /** @see #basisRevocation */
    public record BasisRevocation(String recordReason, String approvedBy) {
    }

    /**
     * Counts records the credit file withdrew for the withdrawal {@code code} v{@code version}, in the caller's
     * transaction (the chunk's, so the count holds what committed); {@code done}: the last of them, at that time.
     * Shown with the withdrawal in the console.
     */
    @Transactional
    public void countRecordsWithdrawn(String code, int version, long records, Instant done) {
        items.countWithdrawnRecords(code, version, records, done);
    }

    /** The message key naming why an item is withdrawn, for the audit detail. */
    private static String kindKey(Withdrawal.Kind kind) {
        return "catalog.withdrawalKind." + kind.name();
    }

    /**
     * A new platform's base catalogue, active at once: its catalogue is empty, and the base one is reviewed as part of
     * the platform's release. A platform running already is proposed a release's new base items instead
     * ({@link #seedNewBaseItems}).
     */
    @Transactional
    public boolean seed(List<ItemDefinition> base) {
        if (items.count() > 0) {
            return false;
        }
        insertSeeded(base);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.seed").detail(AuditDetail.of("CATALOG_SEEDED").with("items", base.size())));
        return true;
    }

    /**
     * The base catalogue's items a catalogue already in use never held, each submitted for the credit office's approval
     * (待审核, by "system"): a release that adds base items (P_RESIDENCY and P_OCCUPATION, which feed the registry, gaps
     * review xxviii J1) proposes them to the platforms running before it, and a checker of the office approves or sends
     * back each one ({@link #approve}, {@link #reject}) as any new item. A running city's catalogue is its own decision,
     * approved by two people (RULES.md §2 信用信息目录; maker-checker, gaps review xliii X11): only a new platform's
     * first seeding ({@link #seed}) puts base items in force unreviewed. An item the credit office changed, withdrew or
     * sent back is held, and left as it is.
     *
     * @return the codes added
     */
    @Transactional
    public List<String> seedNewBaseItems(List<ItemDefinition> base) {
        if (items.count() == 0) {
            return List.of();
        }
        java.util.Set<String> held = items.codes();
        List<ItemDefinition> added = base.stream().filter(d -> !held.contains(d.code())).toList();
        if (!added.isEmpty()) {
            Instant now = clock.instant();
            for (ItemDefinition definition : added) {
                items.submit(insertBaseDraft(definition, "平台新版本新增的基础目录事项，待信用办审核", now), SYSTEM, now);
            }
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.seed.added").detail(AuditDetail.of("CATALOG_BASE_ITEMS_SUBMITTED")
                    .with("items", String.join(", ", added.stream().map(ItemDefinition::code).toList()))));
        }
        return added.stream().map(ItemDefinition::code).toList();
    }

    private void insertSeeded(List<ItemDefinition> base) {
        Instant now = clock.instant();
        for (ItemDefinition definition : base) {
            items.activateSeeded(insertBaseDraft(definition, "基础目录", now), now);
        }
    }

    /** A base item's first version, as a draft of the release's ({@link #SYSTEM}), checked as fit to be in force. */
    private UUID insertBaseDraft(ItemDefinition definition, String note, Instant now) {
        ItemDefinition d = ItemDefinition.withDefaultPeriods(definition);
        requireNone(ItemRules.forActivation(d));
        UUID id = Ids.newId();
        items.insert(id, 1, CatalogueItem.Status.DRAFT, d, note, SYSTEM, now);
        return id;
    }

    /**
     * The version the checker reviewed, if it is still the one pending. A decision is bound to the version read, not to
     * the item: by the time the checker clicks, what they read may have been decided by another and a new version
     * (another text, or a withdrawal) submitted, which nobody would then have reviewed (maker-checker, issue #4).
     */
    private CatalogueItem pending(String code, int version) {
        CatalogueItem pending = items.inPreparation(code).filter(i -> i.status() == CatalogueItem.Status.PENDING)
                .orElseThrow(() -> new CatalogueProblem("ITEM_NOT_PENDING", DomainProblem.Kind.CONFLICT,
                        "该事项没有待审核的版本"));
        if (pending.version() != version) {
            throw new CatalogueProblem("ITEM_CHANGED", DomainProblem.Kind.CONFLICT, "待审核的已是该事项的 v"
                    + pending.version() + "，不是你审核的 v" + version + "：请刷新后审核该版本");
        }
        return pending;
    }

    private static void requireNone(List<ItemRules.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new CatalogueViolations(violations);
        }
    }
}
