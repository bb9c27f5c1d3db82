package cn.chengxin.listing;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordProceedings;
import cn.chengxin.creditfile.RecordProceedingsChanged;
import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pending administrative review or lawsuit flagged on a list entry (RULES.md §5: "administrative review/lawsuit
 * pending are flagged on the record"; Shenzhen Art. 43). A listing decision is an administrative act of its own,
 * which the subject may take to reconsideration or to court whatever the record it rests on: the credit office flags
 * it when told, as it flags a record's ({@link RecordProceedings}), and clears it with the outcome. The flag shows
 * on the entry's console page, to the subject and in every check answer; the entry keeps its effect and its measures
 * meanwhile (a pending review does not suspend the decision, 《行政复议法》第四十二条, 《行政诉讼法》第五十六条):
 * should the decision fall, the entry is ended by its exit as any other. No second person: a record's flag needs none
 * either, and the flag decides nothing.
 */
@Service
public class EntryProceedings {

    /**
     * The entries a proceeding can be brought against: decided, not yet ended. A proposal is no decision yet; an
     * ended entry has no effect left to flag.
     */
    static final Set<EntryStatus> DECIDED = EnumSet.of(EntryStatus.NOTIFIED, EntryStatus.PUBLIC_NOTICE,
            EntryStatus.EFFECTIVE);

    private final JdbcListing store;
    private final RecordProceedings recordProceedings;
    private final AuditLog audit;
    private final Clock clock;

    EntryProceedings(JdbcListing store, RecordProceedings recordProceedings, AuditLog audit, Clock clock) {
        this.store = store;
        this.recordProceedings = recordProceedings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a proceeding may be flagged on the entry now ({@link #DECIDED}). */
    public static boolean mayBeFlagged(ListEntry entry) {
        return DECIDED.contains(entry.status());
    }

    @Transactional
    public UUID flag(UUID entryId, RecordProceeding.Kind kind, String note) {
        String text = note == null ? "" : note.strip();
        if (kind == null || text.isEmpty() || text.length() > RecordProceedings.MAX_NOTE) {
            throw new ListingProblem("PROCEEDING_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "须选择行政复议或行政诉讼，并写明案号或受理机关（不超过 " + RecordProceedings.MAX_NOTE + " 字）");
        }
        // Shown to the subject and on the console (RULES.md §10: no number in clear there).
        TypedText.requireNoIdentityNumber("note", "案号或受理机关", text);
        ListEntry entry = entry(entryId);
        if (!mayBeFlagged(entry)) {
            throw new ListingProblem("PROCEEDING_ENTRY_NOT_DECIDED", DomainProblem.Kind.CONFLICT,
                    "只能在已作出认定、尚未移出的名单条目上标注行政复议或行政诉讼");
        }
        UUID id = Ids.newId();
        if (!store.flagProceeding(new EntryProceeding(id, entryId, kind, text, AuditLog.currentActor().actorName(),
                clock.instant(), null, null, null))) {
            throw new ListingProblem("PROCEEDING_ALREADY_FLAGGED", DomainProblem.Kind.CONFLICT,
                    "该名单条目已标注" + kind.label());
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.proceeding.flag")
                .subject(entry.subjectPseudonym())
                .detail(AuditDetail.of("LIST_PROCEEDING_FLAGGED").withLabel("list", ListDetails.listKey(entry))
                        .with("entry", entryId).withLabel("proceeding", "objections.proceedingKind." + kind.name())));
        return id;
    }

    /** Clears a pending flag with the proceeding's outcome (维持、撤销、撤回……), which the entry's page keeps. */
    @Transactional
    public void clear(UUID proceedingId, String outcome) {
        String text = outcome == null ? "" : outcome.strip();
        if (text.isEmpty() || text.length() > RecordProceedings.MAX_NOTE) {
            throw new ListingProblem("PROCEEDING_OUTCOME_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "清除标注须写明复议或诉讼结果（不超过 " + RecordProceedings.MAX_NOTE + " 字）");
        }
        TypedText.requireNoIdentityNumber("outcome", "复议或诉讼结果", text);
        JdbcListing.ClearedProceeding cleared = store.clearProceeding(proceedingId,
                        AuditLog.currentActor().actorName(), clock.instant(), text)
                .orElseThrow(() -> new ListingProblem("PROCEEDING_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                        "没有这项待结的行政复议或诉讼标注"));
        ListEntry entry = entry(cleared.entryId());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.proceeding.clear")
                .subject(entry.subjectPseudonym()).detail(AuditDetail.of("LIST_PROCEEDING_CLEARED")
                        .withLabel("list", ListDetails.listKey(entry)).with("entry", entry.id())
                        .withLabel("proceeding", "objections.proceedingKind." + cleared.kind().name())
                        .with("outcome", text)));
    }

    /** The entry a flag, pending or cleared, is on. */
    public Optional<UUID> entryOf(UUID proceedingId) {
        return store.entryOfProceeding(proceedingId);
    }

    /**
     * The administrative reviews and lawsuits pending against the records these entries rest on, by entry id (absent:
     * none), in the order flagged: one look-up for a page of entries. A record's flag shows wherever the record shows
     * (RULES.md §5, {@link RecordProceedings}), and an entry shows the record it rests on: a reader of the entry learns
     * that the decision behind it may fall, which would end the entry with its record. Told apart from the entry's own
     * ({@link ListEntry#proceedings()}), which is against the listing decision itself.
     */
    public Map<UUID, List<RecordProceeding.Kind>> onRecordsOf(Collection<ListEntry> entries) {
        Map<UUID, List<RecordProceeding>> byRecord = recordProceedings.pendingOn(entries.stream()
                .map(ListEntry::recordKey).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<UUID, List<RecordProceeding.Kind>> byEntry = new HashMap<>();
        for (ListEntry e : entries) {
            List<RecordProceeding> pending = e.recordKey() == null ? null : byRecord.get(e.recordKey());
            if (pending != null) {
                byEntry.put(e.id(), pending.stream().map(RecordProceeding::kind).distinct().toList());
            }
        }
        return byEntry;
    }

    /**
     * The entries with the kinds pending against the records they rest on ({@link ListEntry#recordProceedings()}):
     * one look-up for a page of the change feed, none when it is empty, so that a check answers them from memory.
     */
    List<ListEntry> withRecordProceedings(List<ListEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<UUID, List<RecordProceeding.Kind>> pending = onRecordsOf(entries);
        if (pending.isEmpty()) {
            return entries;
        }
        return entries.stream().map(e -> {
            List<RecordProceeding.Kind> kinds = pending.get(e.id());
            return kinds == null ? e : e.withRecordProceedings(kinds.stream().map(Enum::name).sorted().toList());
        }).toList();
    }

    /**
     * A review or lawsuit flagged on a record, or cleared: the open entries resting on it change, in the same
     * transaction, so that the check index and whoever follows the feed read them again with the record's flags
     * (RULES.md §5: the flag shows wherever the record shows, and a check shows the entry resting on it).
     */
    @EventListener
    void on(RecordProceedingsChanged changed) {
        store.touchOpenOnRecord(changed.subjectId(), changed.recordKey());
    }

    /** The entry's proceedings, pending and cleared, in the order flagged: its console page. */
    public List<EntryProceeding> of(UUID entryId) {
        return store.proceedingsOf(entryId);
    }

    private ListEntry entry(UUID entryId) {
        return store.entry(entryId).orElseThrow(() -> new ListingProblem("ENTRY_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "名单条目不存在"));
    }
}
