package cn.chengxin.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.LegacySourceIds;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordProceedings;
import cn.chengxin.creditfile.RecordProceedingsChanged;
import cn.chengxin.creditfile.RecordStatesChanged;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.shared.FeedCursor;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox's writers. Record changes of items shared upward (and of records once sent up, whatever
 * their item's mark now) are queued in the transaction of the
 * change itself (a synchronous listener of {@link RecordStatesChanged}: the change and its message commit or roll
 * back together), and so are pending reviews and lawsuits flagged or cleared on them ({@link
 * RecordProceedingsChanged}). Serious-dishonesty list entries and their exits are queued by following the listing change feed,
 * the message and the feed position in one transaction, so nothing is queued twice or lost.
 */
@Component
class Queueing {

    static final String LISTING_FEED = "listing";
    private static final int PAGE = 500;

    private final JdbcExchange store;
    private final ExchangeSettings settings;
    private final CreditFile creditFile;
    private final RecordProceedings proceedings;
    private final Catalogue catalogue;
    private final Listing listing;
    private final SubjectRegistry subjects;
    private final OutgoingMessages messages;
    private final EntryGrounds grounds;
    private final LegacySourceIds legacySourceIds;
    private final Clock clock;
    private final FeedCursor listingCursor = new FeedCursor(Duration.ofSeconds(10));

    Queueing(JdbcExchange store, ExchangeSettings settings, CreditFile creditFile, RecordProceedings proceedings,
             Catalogue catalogue, Listing listing, SubjectRegistry subjects, OutgoingMessages messages,
             EntryGrounds grounds, LegacySourceIds legacySourceIds, Clock clock) {
        this.legacySourceIds = legacySourceIds;
        this.proceedings = proceedings;
        this.messages = messages;
        this.grounds = grounds;
        this.store = store;
        this.settings = settings;
        this.creditFile = creditFile;
        this.catalogue = catalogue;
        this.listing = listing;
        this.subjects = subjects;
        this.clock = clock;
    }

    @EventListener
    void on(RecordStatesChanged changed) {
        // A city's history back-loaded at its cut-over (origin=MIGRATION) is not sent upward (gaps review xliii X3):
        // the province holds the old platform's messages of those decisions and gets its history by its own back-load,
        // so queueing them would give it each a second time under a new id. A later change of such a record (a
        // correction, a repair, its expiry) is a routine change, and is queued as any other.
        if (changed.backLoad()) {
            return;
        }
        // Ingestion publishes this for every chunk: a platform without a parent (the nation) pays one query, no more.
        if (!store.anyEnabled(Relation.PARENT)) {
            return;
        }
        queue(changed.records());
    }

    /**
     * A pending review or lawsuit flagged or cleared: the record is sent again with its flags, a new version, so the
     * parent's copy shows them as ours does (RULES.md §5).
     */
    @EventListener
    void on(RecordProceedingsChanged changed) {
        if (!store.anyEnabled(Relation.PARENT)) {
            return;
        }
        creditFile.record(changed.subjectId(), changed.recordKey()).ifPresent(e -> queue(List.of(new RecordStatesChanged.ChangedRecord(changed.subjectId(),
                        e.recordKey(), e.itemCode()))));
    }

    private void queue(List<RecordStatesChanged.ChangedRecord> changed) {
        SharedVersions sharing = new SharedVersions(settings.upward(), catalogue);
        List<RecordStatesChanged.ChangedRecord> unmarked = changed.stream()
                .filter(r -> sharing.inForce(r.itemCode()).isPresent())
                .filter(r -> !sharing.itemShared(r.itemCode())).toList();
        // A record sent up while its item was marked keeps being sent (corrections, revocations, repairs): the
        // parent must not keep showing a state we no longer hold once the mark is taken off.
        Set<String> sent = unmarked.isEmpty() ? Set.of() : store.everQueued(unmarked.stream()
                .map(r -> "record/" + r.recordKey()).toList());
        List<RecordStatesChanged.ChangedRecord> shared = changed.stream()
                .filter(r -> sharing.inForce(r.itemCode()).isPresent())
                .filter(r -> sharing.itemShared(r.itemCode()) || sent.contains("record/" + r.recordKey()))
                .toList();
        if (shared.isEmpty()) {
            return;
        }
        Map<UUID, List<FileEntry>> files = creditFile.filesOf(shared.stream()
                .map(RecordStatesChanged.ChangedRecord::subjectId).distinct().toList());
        Map<UUID, FileEntry> entries = new HashMap<>();
        for (RecordStatesChanged.ChangedRecord r : shared) {
            files.getOrDefault(r.subjectId(), List.of()).stream().filter(e -> e.recordKey().equals(r.recordKey()))
                    .findFirst().ifPresent(e -> entries.put(r.recordKey(), e));
        }
        // A record collected while its item did not let it leave the platform stays here though the item now goes up
        // (RULES.md §2): unless it was sent before, when its changes still go, as above. So does one its person
        // declined (§2: a person may refuse to have honours recorded): sent before, the parent learns it is declined.
        List<String> heldBack = shared.stream().filter(r -> entries.containsKey(r.recordKey()))
                .filter(r -> !sent.contains("record/" + r.recordKey()) && (!sharing.shares(entries.get(r.recordKey()))
                        || entries.get(r.recordKey()).status() == RecordStatus.DECLINED))
                .map(r -> "record/" + r.recordKey()).toList();
        Set<String> sentBefore = heldBack.isEmpty() ? Set.of() : store.everQueued(heldBack);
        Map<UUID, List<RecordProceeding>> pending = proceedings.pendingOn(shared.stream()
                .map(RecordStatesChanged.ChangedRecord::recordKey).toList());
        // A back-loaded record's later changes name the old platform's id of it, under which the parent holds it (X3).
        Map<UUID, String> legacyIds = legacySourceIds.of(entries.keySet());
        Instant now = clock.instant();
        for (RecordStatesChanged.ChangedRecord r : shared) {
            FileEntry entry = entries.get(r.recordKey());
            String sourceId = "record/" + r.recordKey();
            if (entry == null || heldBack.contains(sourceId) && !sentBefore.contains(sourceId)) {
                continue;
            }
            Optional<SubjectProfile> profile = subjects.profile(r.subjectId());
            ItemDefinition item = sharing.collectedUnder(entry);
            if (profile.isPresent() && item != null) {
                enqueue(r.subjectId(), messages.record(entry, item, subjectOf(profile.get()),
                        pending.getOrDefault(r.recordKey(), List.of()), legacyIds.get(r.recordKey()),
                        store.nextVersion(), now), now);
            }
        }
    }

    /**
     * Follows the listing change feed (every second) and queues black-list entries in force and their exits. The
     * numbers its cursor stepped over are read again, kept with the position, until they show or a day has passed
     * (gaps review xxxviii S1: an exit committed after a later change, past the patience, is still queued); a change
     * read twice is queued once (its number is the message's version, {@code outbox_once}).
     */
    @Scheduled(fixedDelayString = "${chengxin.exchange.follow-interval:PT1S}")
    @Transactional
    public synchronized void followListing() {
        long position = store.lockPosition(LISTING_FEED);
        List<FeedCursor.Skipped> skipped = store.skipped(LISTING_FEED);
        listingCursor.resume(position, skipped);
        Instant now = clock.instant();
        List<ListEntry> changes = listing.changesSince(listingCursor.position(), PAGE);
        // Read after the page, no row is in both: one changed in between has a number above the position.
        List<ListEntry> late = listing.changesIn(listingCursor.toReread(now), PAGE);
        queueShareable(java.util.stream.Stream.concat(late.stream(), changes.stream()).toList(), now);
        listingCursor.found(late.stream().map(ListEntry::changeSeq).toList());
        listingCursor.advance(changes.stream().map(ListEntry::changeSeq).toList(), now);
        store.savePosition(LISTING_FEED, listingCursor.position());
        store.saveSkipped(LISTING_FEED, skipped, listingCursor.skipped());
    }

    private void queueShareable(List<ListEntry> changes, Instant now) {
        boolean upward = !changes.isEmpty() && store.anyEnabled(Relation.PARENT);
        Map<UUID, String> items = upward ? grounds.itemsOf(changes.stream()
                .filter(e -> e.listType() == ListType.BLACK).toList()) : Map.of();
        for (ListEntry e : changes) {
            if (!upward || e.listType() != ListType.BLACK) {
                continue;
            }
            String sourceId = OutgoingMessages.sourceIdOf(e);
            boolean shareable = e.status() == EntryStatus.EFFECTIVE
                    || e.status() == EntryStatus.EXITED && store.everQueued(sourceId);
            if (shareable) {
                subjects.profile(e.subjectId()).ifPresent(profile -> enqueue(e.subjectId(),
                        messages.entry(e, items.get(e.id()), subjectOf(profile), now), now));
            }
        }
    }

    /** The number is left out: it is read from the subject register when the batch is signed. */
    private static ExchangeMessage.Subject subjectOf(SubjectProfile profile) {
        return OutgoingMessages.subject(profile.documentType(), profile.name());
    }

    private void enqueue(UUID subjectId, ExchangeMessage message, Instant now) {
        store.enqueue(Relation.PARENT, subjectId, message, BatchCodec.writeMessage(message), now);
    }
}
