package cn.chengxin.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.catalog.domain.CatalogueProblem;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.ItemRules;
import cn.chengxin.catalog.persistence.JdbcCatalogue;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The information catalogue. An item changes only by a new version: a draft is prepared (catalog:edit),
 * submitted, and approved by another person (catalog:approve) — maker-checker — upon which it replaces the
 * active version, which is kept as retired. Active versions are never edited.
 */
@Service
public class Catalogue {

    private final JdbcCatalogue items;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Catalogue(JdbcCatalogue items, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.items = items;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * For the catalogue console only: the version in force of each item and any version being prepared (draft or
     * pending), per code newest first. A version in preparation has not been approved by a second person and must
     * count nowhere: everything else reads {@link #active()}.
     */
    public List<CatalogueItem> withVersionsInPreparation() {
        return items.withVersionsInPreparation();
    }

    /** The versions in force (approved, one per code): what records are read, scored and shown by. */
    public List<CatalogueItem> active() {
        return items.active();
    }

    public Optional<CatalogueItem> active(String code) {
        return items.active(code);
    }

    public List<CatalogueItem> history(String code) {
        return items.history(code);
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

    /** Starts a new item, or a new version of an existing one, as a draft. */
    @Transactional
    public CatalogueItem draft(ItemDefinition definition, String note) {
        ItemDefinition d = ItemDefinition.withDefaultPeriods(definition);
        requireNone(ItemRules.forSaving(d));
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
            items.insert(id, items.nextVersion(d.code()), CatalogueItem.Status.DRAFT, d, note, by, now);
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

    /** The checker's approval: the version becomes active, the previous one is retired. */
    @Transactional
    public void approve(String code, String note) {
        CatalogueItem pending = pending(code);
        String by = AuditLog.currentActor().actorName();
        if (by.equals(pending.submittedBy()) || by.equals(pending.createdBy()) || pending.editors().contains(by)) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.approve").result(AuditResult.DENIED)
                    .detail(code + ": own version"));
            throw new CatalogueProblem("FOUR_EYES", DomainProblem.Kind.FORBIDDEN,
                    "不能审核自己起草、修改或提交的版本（双人复核）");
        }
        requireNone(ItemRules.forActivation(pending.definition()));
        Instant now = clock.instant();
        int previous = items.active(code).map(CatalogueItem::version).orElse(0);
        items.retireActive(code, now);
        items.decide(pending.id(), CatalogueItem.Status.ACTIVE, by, now, note);
        events.publishEvent(new ItemVersionApproved(code, pending.version(), previous));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.approve")
                .detail(code + " v" + pending.version()));
    }

    @Transactional
    public void reject(String code, String note) {
        CatalogueItem pending = pending(code);
        if (note == null || note.isBlank()) {
            throw CatalogueProblem.invalid("REJECTION_REASON_MISSING", "退回须说明理由");
        }
        items.decide(pending.id(), CatalogueItem.Status.REJECTED, AuditLog.currentActor().actorName(),
                clock.instant(), note);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.reject").detail(code + " v" + pending.version()));
    }

    /** The base catalogue, active at once: it is reviewed as part of the platform's release. */
    @Transactional
    public boolean seed(List<ItemDefinition> base) {
        if (items.count() > 0) {
            return false;
        }
        Instant now = clock.instant();
        for (ItemDefinition definition : base) {
            ItemDefinition d = ItemDefinition.withDefaultPeriods(definition);
            requireNone(ItemRules.forActivation(d));
            UUID id = Ids.newId();
            items.insert(id, 1, CatalogueItem.Status.DRAFT, d, "基础目录", "system", now);
            items.activateSeeded(id, now);
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "catalog.seed").detail(base.size() + " items"));
        return true;
    }

    private CatalogueItem pending(String code) {
        return items.inPreparation(code).filter(i -> i.status() == CatalogueItem.Status.PENDING)
                .orElseThrow(() -> new CatalogueProblem("ITEM_NOT_PENDING", DomainProblem.Kind.CONFLICT,
                        "该事项没有待审核的版本"));
    }

    private static void requireNone(List<ItemRules.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new CatalogueViolations(violations);
        }
    }
}
