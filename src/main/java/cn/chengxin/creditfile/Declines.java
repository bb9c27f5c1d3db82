package cn.chengxin.creditfile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.creditfile.persistence.JdbcDeclines;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person refuses to have honours recorded (RULES.md §2, Shenzhen Art. 39): one record of an item the catalogue lets
 * persons refuse ({@link ItemDefinition#refusableBySubject}), or the item altogether, so that its new records arrive
 * declined ({@link CreditFile#store}). A declined record (本人拒绝记录) is kept — nothing is deleted — but, like a
 * repaired one, it is no longer shown to others, scored, listed, reported or sent on: the same state change and events
 * tell every module. The person takes a refusal back as simply. Each step is recorded about the person, who sees it
 * in 谁查询了我.
 */
@Service
public class Declines {

    /** Who changed the record's state, as its history shows it: the person it is about. */
    static final String BY_SUBJECT = "本人";
    private static final String DECLINED_REASON = "本人拒绝记录（RULES.md §2）";

    private final CreditFile creditFile;
    private final JdbcDeclines store;
    private final Catalogue catalogue;
    private final SubjectRegistry subjects;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Declines(CreditFile creditFile, JdbcDeclines store, Catalogue catalogue, SubjectRegistry subjects,
             ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.creditFile = creditFile;
        this.store = store;
        this.catalogue = catalogue;
        this.subjects = subjects;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The items a person may refuse now, name by code (for 我的信用档案: which records and items offer it). */
    public java.util.SortedMap<String, String> refusableItems() {
        java.util.SortedMap<String, String> items = new java.util.TreeMap<>();
        catalogue.active().stream().filter(i -> !i.withdrawn() && refusable(i.definition()))
                .forEach(i -> items.put(i.code(), i.definition().name()));
        return items;
    }

    /** The items the person declines altogether now, by code. */
    public List<String> declinedItems(UUID subjectId) {
        return store.declinedItemsOf(subjectId);
    }

    /** Declines one record of the person's, in force (有效), of an item they may refuse. */
    @Transactional
    public void declineRecord(UUID subjectId, UUID recordKey) {
        FileEntry record = recordOf(subjectId, recordKey);
        requireRefusable(record.itemCode());
        if (record.status() != RecordStatus.ACTIVE
                || !creditFile.changeStatus(subjectId, recordKey, Set.of(RecordStatus.ACTIVE), RecordStatus.DECLINED,
                BY_SUBJECT, DECLINED_REASON)) {
            throw new CodedProblem("DECLINE_RECORD_STATE", DomainProblem.Kind.CONFLICT,
                    "只有有效的记录可以拒绝记录（异议中、已修复或公示期满的记录不能）");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "self.decline.record")
                .subject(pseudonym(subjectId)).detail(AuditDetail.of("RECORD_OF_ITEM").with("item", record.itemCode())
                        .with("record", recordKey)));
    }

    /**
     * Takes back the refusal of one record: it is shown and used again, or 公示期满 if its window ended meanwhile (RULES.md
     * §4). Allowed whatever the item's mark is now: the person only withdraws their own refusal.
     */
    @Transactional
    public void acceptRecord(UUID subjectId, UUID recordKey) {
        FileEntry record = recordOf(subjectId, recordKey);
        RecordStatus back = VersionStates.ofFirst(record.publicationEnd(), LocalDate.now(clock));
        if (record.status() != RecordStatus.DECLINED || !creditFile.changeStatus(subjectId, recordKey,
                Set.of(RecordStatus.DECLINED), back, BY_SUBJECT, "本人撤回拒绝，恢复记录")) {
            throw new CodedProblem("DECLINE_NOT_FOUND", DomainProblem.Kind.CONFLICT, "这条记录没有被拒绝记录");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "self.accept.record")
                .subject(pseudonym(subjectId)).detail(AuditDetail.of("RECORD_OF_ITEM").with("item", record.itemCode())
                        .with("record", recordKey)));
    }

    /**
     * Declines an item altogether: the person's records of it in force are declined now, and those that arrive later
     * are stored declined ({@link CreditFile#store}).
     */
    @Transactional
    public void declineItem(UUID subjectId, String itemCode) {
        requireRefusable(itemCode);
        Instant now = clock.instant();
        if (!store.decline(subjectId, itemCode, now)) {
            throw new CodedProblem("DECLINE_EXISTS", DomainProblem.Kind.CONFLICT, "您已拒绝记录该类信息");
        }
        List<RecordStatesChanged.ChangedRecord> moved = store.moveOfItem(subjectId, itemCode, RecordStatus.ACTIVE,
                RecordStatus.DECLINED, now, BY_SUBJECT, DECLINED_REASON);
        if (!moved.isEmpty()) {
            events.publishEvent(new RecordsChanged(null, Set.of(subjectId), "status:" + RecordStatus.DECLINED));
            events.publishEvent(new RecordStatesChanged(moved, "status:" + RecordStatus.DECLINED));
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "self.decline.item")
                .subject(pseudonym(subjectId)).detail(AuditDetail.of("ITEM_DECLINED").with("item", itemCode).with("records", moved.size())));
    }

    /**
     * Ends the refusal of an item: its records arriving from now on are recorded. Those declined stay declined, each
     * taken back on its own ({@link #acceptRecord}): some may have been declined one by one before.
     */
    @Transactional
    public void acceptItem(UUID subjectId, String itemCode) {
        if (!store.end(subjectId, itemCode, clock.instant())) {
            throw new CodedProblem("DECLINE_NOT_FOUND", DomainProblem.Kind.CONFLICT, "您没有拒绝记录该类信息");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "self.accept.item")
                .subject(pseudonym(subjectId)).detail(AuditDetail.of("OF_ITEM").with("item", itemCode)));
    }

    /**
     * Undoes the refusals made since {@code since} by an account the credit office unbound as registered in the
     * person's name (finding G1): they were someone else's choice, and the person would expect their honours back
     * (RULES.md §2 lets only the person refuse). The item declines made since then end, and the records declined since
     * then are recorded again — unless the person still declines their item from before. The person can refuse again
     * from their own account. Each step is audited about the person.
     *
     * @return how many records are recorded again
     */
    @Transactional
    public int undoSince(UUID subjectId, Instant since, String by, String reason) {
        Instant now = clock.instant();
        List<String> ended = store.endDeclinedSince(subjectId, since, now);
        Set<String> stillDeclined = Set.copyOf(store.declinedItemsOf(subjectId));
        LocalDate today = LocalDate.now(clock);
        int restored = 0;
        for (JdbcDeclines.DeclinedRecord r : store.declinedSince(subjectId, since)) {
            if (!stillDeclined.contains(r.itemCode()) && creditFile.changeStatus(subjectId, r.recordKey(),
                    Set.of(RecordStatus.DECLINED), VersionStates.ofFirst(r.publicationEnd(), today), by, reason)) {
                restored++;
            }
        }
        if (!ended.isEmpty() || restored > 0) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "self.decline.unbind").subject(pseudonym(subjectId))
                    .detail(AuditDetail.of("UNBOUND_DECLINES_UNDONE").with("items", String.join(",", ended))
                            .with("restored", restored)));
        }
        return restored;
    }

    /** Only an honour about persons, never negative information, may be refused (RULES.md §2). */
    static boolean refusable(ItemDefinition item) {
        return item.refusableBySubject() && item.nature() == Nature.GOOD;
    }

    private void requireRefusable(String itemCode) {
        if (catalogue.active(itemCode).map(CatalogueItem::definition).filter(Declines::refusable).isEmpty()) {
            throw new CodedProblem("RECORD_NOT_REFUSABLE", DomainProblem.Kind.CONFLICT,
                    "该类信息不能由本人拒绝记录：只有表彰、志愿服务、献血、捐赠等守信信息可以拒绝（RULES.md §2）");
        }
    }

    private FileEntry recordOf(UUID subjectId, UUID recordKey) {
        return creditFile.record(subjectId, recordKey).orElseThrow(() -> new CodedProblem("DECLINE_RECORD_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "您的信用档案中没有这条记录"));
    }

    private String pseudonym(UUID subjectId) {
        return subjects.pseudonymOf(subjectId).orElseThrow();
    }
}
