package cn.chengxin.creditfile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.RecordPeriods;
import cn.chengxin.creditfile.persistence.JdbcDeclines;
import cn.chengxin.creditfile.persistence.JdbcRecords;
import cn.chengxin.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores record versions exactly once and keeps each subject's file. A department's record is identified by
 * (department, source record id); each of its versions is stored once — a replay of the same version with
 * the same content writes nothing, the same version with other content is refused. An update or revocation
 * adds a version and retires the previous one from the file; nothing is deleted.
 */
@Service
public class CreditFile {

    private static final Logger log = LoggerFactory.getLogger(CreditFile.class);
    /** The states in which a current record is no longer shown and waits only for its retention to end. */
    private static final Set<RecordStatus> CLOSED = Set.of(RecordStatus.EXPIRED, RecordStatus.REVOKED,
            RecordStatus.REPAIRED, RecordStatus.DECLINED);
    /**
     * Who ends publication and retention by the windows (the state events it writes): told apart from a decision
     * about a record, which a department's correction does not undo ({@link VersionStates#ofNext}).
     */
    static final String WINDOWS = "system";

    private final JdbcRecords records;
    private final JdbcDeclines declines;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<RetentionHolds> retentionHolds;
    private final TransactionTemplate windowTransactions;
    private final int windowsChunk;

    CreditFile(JdbcRecords records, JdbcDeclines declines, Catalogue catalogue, ApplicationEventPublisher events,
               AuditLog audit, Clock clock, ObjectProvider<RetentionHolds> retentionHolds,
               PlatformTransactionManager transactions,
               @Value("${chengxin.creditfile.windows-chunk:5000}") int windowsChunk) {
        this.records = records;
        this.declines = declines;
        this.catalogue = catalogue;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.retentionHolds = retentionHolds;
        this.windowTransactions = new TransactionTemplate(transactions);
        this.windowsChunk = windowsChunk;
    }

    /**
     * Stores a chunk in one transaction and publishes one {@link RecordsChanged} for it.
     *
     * @return one outcome per record, in order
     */
    @Transactional
    public List<StoreOutcome> store(UUID batchId, String acceptedBy, List<NewRecord> chunk) {
        return store(batchId, acceptedBy, chunk, java.util.Collections.nCopies(chunk.size(), -1));
    }

    /**
     * Stores a chunk with the responsible persons' copies of its records (RULES.md §1) in one transaction. A copy is
     * stored only when its record is stored or was already (a replay): each is judged under its own key
     * ({@code source@person}), new to its person, so the copy of a refused record — whose key holds another company's
     * record, or this version with other content — would put on the person's file a record never delivered for them.
     * Such a copy is answered with its record's refusal.
     * <p>
     * Nothing is stored under an item whose records are being withdrawn for a revoked basis (RULES.md §5): the
     * withdrawal's pass revokes the versions current when it reads them, so a version stored while it ran could escape
     * it. Each chunk holds a shared lock on its items that the withdrawal's approval takes exclusively
     * ({@link JdbcRecords#lockItemsShared}): a chunk either commits before the approval, and the pass finds its versions,
     * or reads the approved withdrawal after it, and its versions of the item are refused as the ones after the pass
     * are — a new record ITEM_WITHDRAWN, a correction or revocation RECORD_REVOKED — replays still answered as such.
     * <p>
     * The approval of a version that shortens an item's periods takes the same lock ({@link ShorteningPeriods}): its
     * pass brings the versions current when it reads them to the shorter ends, so a version whose ends were counted
     * before the approval and stored after the pass passed its record would keep the longer ones (finding H5 of gaps
     * review xxv). A chunk either commits before the approval, and the pass finds its versions, or reads the approved
     * version after it and takes its ends itself ({@link #underLaterVersions}).
     *
     * @param copyOf for each record, the place in {@code chunk} of the record it is a copy of; -1 for a record sent
     * @return one outcome per record, in order
     */
    @Transactional
    public List<StoreOutcome> store(UUID batchId, String acceptedBy, List<NewRecord> chunk, List<Integer> copyOf) {
        return store(batchId, acceptedBy, chunk, copyOf, false);
    }

    /**
     * {@link #store(UUID, String, List, List)} of a chunk whose batch is a back-load ({@code backLoad}: marked
     * {@code origin=MIGRATION}) or not: stored alike, and its events say which ({@link RecordsChanged#backLoad}).
     */
    @Transactional
    public List<StoreOutcome> store(UUID batchId, String acceptedBy, List<NewRecord> chunk, List<Integer> copyOf,
                                    boolean backLoad) {
        Instant now = clock.instant();
        Set<String> items = new HashSet<>();
        chunk.forEach(r -> items.add(r.itemCode()));
        records.allowLongStatements();
        records.lockItemsShared(items);
        chunk = underLaterVersions(chunk, items);
        Set<String> withdrawing = records.itemsBeingWithdrawn(items);
        Set<String> declined = declinedAmong(chunk, items);
        StoreOutcome[] outcomes = new StoreOutcome[chunk.size()];
        Set<UUID> changed = new HashSet<>();
        List<RecordStatesChanged.ChangedRecord> stored = new ArrayList<>();
        List<Integer> sent = new ArrayList<>();
        List<Integer> copies = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            (copyOf.get(i) < 0 ? sent : copies).add(i);
        }
        storeAmong(batchId, acceptedBy, chunk, sent, outcomes, now, withdrawing, declined);
        List<Integer> ofStoredRecords = new ArrayList<>();
        for (int i : copies) {
            StoreOutcome record = outcomes[copyOf.get(i)];
            if (record.kind() == StoreOutcome.Kind.REFUSED) {
                outcomes[i] = record;
            } else {
                ofStoredRecords.add(i);
            }
        }
        storeAmong(batchId, acceptedBy, chunk, ofStoredRecords, outcomes, now, withdrawing, declined);
        Map<UUID, Integer> versionsStored = new java.util.HashMap<>();
        for (StoreOutcome outcome : outcomes) {
            if (outcome.kind() == StoreOutcome.Kind.STORED) {
                versionsStored.merge(outcome.recordKey(), 1, Integer::sum);
            }
        }
        Set<UUID> ofDecisions = new HashSet<>();
        Set<JdbcRecords.Decision> decisions = new HashSet<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (outcomes[i].kind() == StoreOutcome.Kind.STORED) {
                NewRecord r = chunk.get(i);
                changed.add(r.subjectId());
                stored.add(new RecordStatesChanged.ChangedRecord(r.subjectId(), outcomes[i].recordKey(),
                        r.itemCode()));
                // A revocation that leaves out its decision number stores the revoked version's: it takes its penalty
                // type out of that decision all the same (RULES.md §4), so the others are aligned too. It stores what
                // it leaves out from the revoked version, so its decision is read back by its key; so is a record
                // with two versions stored in this chunk, of which only the later is current. Any other version is
                // stored with its row's subject, department, number and date: its decision is known.
                if (r.action() == RecordAction.REVOKE || r.decisionNumber() != null
                        && (r.decisionDate() == null || versionsStored.get(outcomes[i].recordKey()) > 1)) {
                    ofDecisions.add(outcomes[i].recordKey());
                } else if (r.decisionNumber() != null) {
                    decisions.add(new JdbcRecords.Decision(r.subjectId(), r.departmentCode(), r.decisionNumber(),
                            r.decisionDate()));
                }
            }
        }
        alignDecisions(records, ofDecisions, decisions, now);
        if (!changed.isEmpty()) {
            events.publishEvent(new RecordsChanged(batchId, changed, RecordStatesChanged.STORED, backLoad));
            events.publishEvent(new RecordStatesChanged(stored, RecordStatesChanged.STORED, backLoad));
        }
        return List.of(outcomes);
    }

    /**
     * The chunk's records with the ends of every version of their item in force after the one their rows were
     * validated under, where one of those shortened a period (RULES.md §4, {@link RecordPeriods}): the earlier of the
     * ends counted then and the ends under each later version, as the pass gives the records stored before it. Read
     * under the items' lock, after the approvals that shortened them; the catalogue only for a chunk that needs it.
     */
    private List<NewRecord> underLaterVersions(List<NewRecord> chunk, Set<String> items) {
        Map<String, Integer> shortened = records.latestShorteningVersions(items);
        if (chunk.stream().noneMatch(r -> r.decisionDate() != null
                && shortened.getOrDefault(r.itemCode(), 0) > r.itemVersion())) {
            return chunk;
        }
        ItemVersions versions = catalogue.versionsEverInForce();
        List<NewRecord> counted = new ArrayList<>(chunk.size());
        for (NewRecord r : chunk) {
            List<ItemDefinition> later = r.decisionDate() == null ? List.of()
                    : versions.versions(r.itemCode()).entrySet().stream().filter(v -> v.getKey() > r.itemVersion())
                    .map(Map.Entry::getValue).toList();
            counted.add(later.isEmpty() ? r : r.withEnds(
                    RecordPeriods.earlier(r.publicationEnd(), RecordPeriods.publicationEnd(later, r.decisionDate(), r.content())),
                    RecordPeriods.earlier(r.retentionEnd(),
                            RecordPeriods.retentionEnd(later, r.decisionDate(), r.content()))));
        }
        return counted;
    }

    /**
     * Several penalty types in one decision: the longest period applies (RULES.md §4). A department sends one record per
     * penalty type, each under the item of its class, with the decision's document number; every shown record of the
     * decision is published until the longest last day among its records not revoked, the others keeping their own
     * ({@link JdbcRecords#publishUntil}). A revoked penalty type is no longer part of the decision, so its revocation
     * gives the others back their own. Each change is a state event in the record's history, saying why. One query
     * per chunk finds what is out of step; writes happen only for the few records that are. Also after a catalogue
     * version shortened the own last days of some ({@link ShorteningPeriods}); returns the records moved.
     */
    static List<JdbcRecords.OutOfStep> alignDecisions(JdbcRecords records, Set<UUID> recordKeys, Instant now) {
        return alignDecisions(records, recordKeys, Set.of(), now);
    }

    /**
     * The same for the decisions of the records {@code recordKeys} and the decisions {@code decisions} the caller
     * knows already (those of the versions it has just stored as sent): each record out of step moved once.
     */
    static List<JdbcRecords.OutOfStep> alignDecisions(JdbcRecords records, Set<UUID> recordKeys,
                                                      Set<JdbcRecords.Decision> decisions, Instant now) {
        Map<UUID, JdbcRecords.OutOfStep> found = new java.util.LinkedHashMap<>();
        if (!decisions.isEmpty()) {
            records.outOfStepOfDecisions(decisions).forEach(r -> found.put(r.id(), r));
        }
        if (!recordKeys.isEmpty()) {
            records.outOfStepWithTheirDecisions(recordKeys).forEach(r -> found.putIfAbsent(r.id(), r));
        }
        List<JdbcRecords.OutOfStep> moved = List.copyOf(found.values());
        for (JdbcRecords.OutOfStep r : moved) {
            records.publishUntil(r.id(), r.longest());
            records.event(r.id(), now, r.status(), r.status(), WINDOWS, "同一处罚决定（" + r.decisionNumber()
                    + "）的多种处罚类别适用最长公示期：公示截止日由 " + r.publicationEnd() + " 改为 " + r.longest()
                    + "（RULES.md §4）");
        }
        return moved;
    }

    /**
     * Stores the records of {@code chunk} at the places {@code among}, first versions together; those under the items
     * {@code withdrawing} one at a time, to be refused unless replays.
     */
    private void storeAmong(UUID batchId, String acceptedBy, List<NewRecord> chunk, List<Integer> among,
                            StoreOutcome[] outcomes, Instant now, Set<String> withdrawing, Set<String> declined) {
        storeFirstVersions(batchId, acceptedBy, chunk, among.stream()
                .filter(i -> !withdrawing.contains(chunk.get(i).itemCode())).toList(), outcomes, now, declined);
        for (int i : among) {
            if (outcomes[i] == null) { // updates and revocations: rare, one at a time
                outcomes[i] = storeOne(batchId, acceptedBy, chunk.get(i), now,
                        withdrawing.contains(chunk.get(i).itemCode()), declined);
            }
        }
    }

    /**
     * The persons of the chunk who declined one of its items altogether (RULES.md §2: a person may refuse to have
     * honours recorded, {@link Declines#declineItem}), as {@link JdbcDeclines#key}s: their new records of it are
     * stored declined. One query per chunk on the small table of declines; the catalogue is read only when one is
     * found, to drop the declines of an item the credit office no longer lets persons refuse.
     */
    private Set<String> declinedAmong(List<NewRecord> chunk, Set<String> items) {
        Set<UUID> subjects = new HashSet<>();
        chunk.forEach(r -> subjects.add(r.subjectId()));
        Set<String> found = declines.declinedAmong(subjects, items);
        if (found.isEmpty()) {
            return found;
        }
        Set<String> refusable = new HashSet<>();
        for (String item : items) {
            if (catalogue.active(item).map(CatalogueItem::definition).filter(d -> d.refusableBySubject()).isPresent()) {
                refusable.add(item);
            }
        }
        Set<String> kept = new HashSet<>();
        chunk.forEach(r -> {
            String key = JdbcDeclines.key(r.subjectId(), r.itemCode());
            if (found.contains(key) && refusable.contains(r.itemCode())) {
                kept.add(key);
            }
        });
        return kept;
    }

    /**
     * A first version's state: declined when its person declined its item, else by its windows (RULES.md §2, §4):
     * archived at once when its retention too has ended.
     */
    private static RecordStatus firstState(NewRecord r, Set<String> declined, LocalDate today) {
        return declined.contains(JdbcDeclines.key(r.subjectId(), r.itemCode())) ? RecordStatus.DECLINED
                : VersionStates.ofFirst(r.publicationEnd(), r.retentionEnd(), today);
    }

    /**
     * A version of a department's record as sent: its natural key and the fingerprint of its content, with the
     * fingerprint in the form before ({@link NewRecord#legacyFingerprint}), {@code null} when there is none.
     */
    public record SentVersion(String sourceRecordId, int version, String fingerprint, String legacyFingerprint) {

        boolean sameContentAs(String stored) {
            return stored.equals(fingerprint) || stored.equals(legacyFingerprint);
        }
    }

    /**
     * Those of the department's {@code versions} stored already with the same content: sending one again is a replay,
     * which {@link #store} answers DUPLICATE and writes nothing. Stored versions are never deleted: what is found here is
     * still there when the rows are stored.
     */
    public Set<SentVersion> alreadyStored(String departmentCode, java.util.Collection<SentVersion> versions) {
        if (versions.isEmpty()) {
            return Set.of();
        }
        java.util.Map<String, String> stored = new java.util.HashMap<>();
        records.stored(departmentCode, versions.stream().map(SentVersion::sourceRecordId).distinct().toList())
                .forEach(s -> stored.put(s.source() + "#" + s.version(), s.fingerprint()));
        Set<SentVersion> found = new HashSet<>();
        for (SentVersion sent : versions) {
            String fingerprint = stored.get(sent.sourceRecordId() + "#" + sent.version());
            if (fingerprint != null && sent.sameContentAs(fingerprint)) {
                found.add(sent);
            }
        }
        return found;
    }

    /**
     * The persons holding a current copy of each of the department's organisation records named by link key
     * ({@link NewRecord#linkKey}): a correction or revocation of the record reaches every copy made of it, also of a
     * person the record's row named once and does not name again (RULES.md §1).
     */
    public java.util.Map<UUID, List<UUID>> copyHolders(String departmentCode, java.util.Collection<UUID> linkKeys) {
        return linkKeys.isEmpty() ? java.util.Map.of() : records.copyHolders(departmentCode, linkKeys);
    }

    /**
     * The catalogue version of its item each of the department's records among {@code sourceRecordIds} was first
     * collected under, by source record id: a correction counts its periods from it, never lengthening them under a
     * later version alone (RULES.md §4, {@link cn.chengxin.catalog.domain.RecordPeriods}).
     */
    public java.util.Map<String, Integer> firstItemVersions(String departmentCode,
                                                           java.util.Collection<String> sourceRecordIds) {
        return sourceRecordIds.isEmpty() ? java.util.Map.of()
                : records.firstItemVersions(departmentCode, List.copyOf(sourceRecordIds));
    }

    /**
     * The items of those of the department's records among {@code sourceRecordIds} that it has sent, by source record
     * id: a correction or revocation of any other is refused ({@link StoreOutcome#unknownRecord}), one naming another
     * item than the record's too ({@link StoreOutcome#recordElsewhere}).
     */
    public java.util.Map<String, String> itemsSent(String departmentCode,
                                                   java.util.Collection<String> sourceRecordIds) {
        return sourceRecordIds.isEmpty() ? java.util.Map.of()
                : records.itemsOf(departmentCode, List.copyOf(sourceRecordIds));
    }

    /**
     * The common case, set-based: first versions (ADD) of one department's records. One query reads what is
     * stored under their source ids, one statement inserts the new ones with their events.
     */
    private void storeFirstVersions(UUID batchId, String by, List<NewRecord> chunk, List<Integer> among,
                                    StoreOutcome[] outcomes, Instant now, Set<String> declined) {
        List<Integer> adds = new ArrayList<>();
        for (int i : among) {
            if (chunk.get(i).action() == RecordAction.ADD) {
                adds.add(i);
            }
        }
        if (adds.isEmpty()) {
            return;
        }
        String department = chunk.get(adds.get(0)).departmentCode();
        java.util.Map<String, List<JdbcRecords.Stored>> stored = new java.util.HashMap<>();
        records.stored(department, adds.stream().map(i -> chunk.get(i).sourceRecordId()).distinct().toList())
                .forEach(s -> stored.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s));
        java.util.Map<String, NewRecord> inThisChunk = new java.util.HashMap<>();
        Set<String> sourcesInThisChunk = new HashSet<>();
        List<UUID> ids = new ArrayList<>();
        List<UUID> keys = new ArrayList<>();
        List<NewRecord> fresh = new ArrayList<>();
        List<RecordStatus> statuses = new ArrayList<>();
        List<Integer> freshAt = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        for (int i : adds) {
            NewRecord r = chunk.get(i);
            if (!r.departmentCode().equals(department)) {
                continue; // not expected from ingestion; the row-at-a-time path handles it
            }
            NewRecord earlier = inThisChunk.get(r.sourceRecordId() + "#" + r.version());
            List<JdbcRecords.Stored> versions = stored.getOrDefault(r.sourceRecordId(), List.of());
            JdbcRecords.Stored sameVersion = versions.stream().filter(v -> v.version() == r.version()).findFirst()
                    .orElse(null);
            String priorFingerprint = sameVersion != null ? sameVersion.fingerprint()
                    : earlier != null ? earlier.fingerprint() : null;
            if (priorFingerprint != null) {
                outcomes[i] = replayOrConflict(r, priorFingerprint, sameVersion != null ? sameVersion.recordKey() : null);
                continue;
            }
            if (versions.stream().anyMatch(JdbcRecords.Stored::current)
                    || sourcesInThisChunk.contains(r.sourceRecordId())) {
                outcomes[i] = StoreOutcome.refused("RECORD_EXISTS", "该记录已存在，修改请用 UPDATE 并提高版本号");
                continue;
            }
            inThisChunk.put(r.sourceRecordId() + "#" + r.version(), r);
            sourcesInThisChunk.add(r.sourceRecordId());
            ids.add(Ids.newId());
            keys.add(Ids.newId());
            fresh.add(r);
            statuses.add(firstState(r, declined, today));
            freshAt.add(i);
        }
        if (fresh.isEmpty()) {
            return;
        }
        Set<UUID> inserted = records.insertNew(ids, keys, fresh, statuses, batchId, by, now);
        // Not inserted: a concurrent submission stored the same version first — a replay if with the same content,
        // else a conflict, as when it was stored before. Read only when it happened: rare.
        java.util.Map<String, JdbcRecords.Stored> first = new java.util.HashMap<>();
        List<String> lost = new ArrayList<>();
        for (int j = 0; j < fresh.size(); j++) {
            if (!inserted.contains(ids.get(j))) {
                lost.add(fresh.get(j).sourceRecordId());
            }
        }
        if (!lost.isEmpty()) {
            records.stored(department, lost).forEach(s -> first.put(s.source() + "#" + s.version(), s));
        }
        for (int j = 0; j < fresh.size(); j++) {
            NewRecord r = fresh.get(j);
            JdbcRecords.Stored winner = first.get(r.sourceRecordId() + "#" + r.version());
            outcomes[freshAt.get(j)] = inserted.contains(ids.get(j)) ? StoreOutcome.stored(keys.get(j))
                    : winner == null ? StoreOutcome.duplicate(null)
                    : replayOrConflict(r, winner.fingerprint(), winner.recordKey());
        }
    }

    /**
     * A version sent again: a replay when with the content stored under it ({@code stored}, its fingerprint), which
     * writes nothing; else a conflict, refused, as one version has one content.
     */
    private static StoreOutcome replayOrConflict(NewRecord r, String stored, UUID recordKey) {
        return r.sameContentAs(stored) ? StoreOutcome.duplicate(recordKey)
                : StoreOutcome.refused("RECORD_VERSION_CONFLICT", "该记录的第 " + r.version() + " 版已以不同内容报送");
    }

    /**
     * @param withdrawn the item's records are being withdrawn for a revoked basis: nothing new is stored under it
     * @param declined  the declines of the chunk's persons ({@link #declinedAmong})
     */
    private StoreOutcome storeOne(UUID batchId, String by, NewRecord sent, Instant now, boolean withdrawn,
                                  Set<String> declined) {
        NewRecord r = asStoredCopy(sent);
        Optional<JdbcRecords.Current> current = records.current(r.departmentCode(), r.sourceRecordId());
        Optional<String> sameVersion = records.fingerprintOf(r.departmentCode(), r.sourceRecordId(), r.version());
        if (sameVersion.isPresent()) {
            return replayOrConflict(r, sameVersion.get(), current.map(JdbcRecords.Current::recordKey).orElse(null));
        }
        if (r.action() == RecordAction.ADD) {
            if (current.isPresent()) {
                return StoreOutcome.refused("RECORD_EXISTS", "该记录已存在，修改请用 UPDATE 并提高版本号");
            }
            if (withdrawn) {
                return StoreOutcome.itemBasisRevoked();
            }
            UUID key = Ids.newId();
            UUID id = Ids.newId();
            RecordStatus status = firstState(r, declined, LocalDate.ofInstant(now, clock.getZone()));
            if (!records.insert(id, key, r, status, batchId, by, now)) {
                // A concurrent submission stored this first version first: what it stored decides.
                NewRecord sentAgain = r;
                return records.stored(r.departmentCode(), List.of(r.sourceRecordId())).stream()
                        .filter(s -> s.version() == sentAgain.version()).findFirst()
                        .map(s -> replayOrConflict(sentAgain, s.fingerprint(), s.recordKey()))
                        .orElse(StoreOutcome.duplicate(null));
            }
            records.event(id, now, null, status, by, "报送");
            return StoreOutcome.stored(key);
        }
        if (current.isEmpty()) {
            return StoreOutcome.unknownRecord();
        }
        if (!current.get().subjectId().equals(r.subjectId()) || !current.get().itemCode().equals(r.itemCode())) {
            return StoreOutcome.recordElsewhere();
        }
        if (r.version() <= current.get().version()) {
            return StoreOutcome.refused("RECORD_VERSION_STALE", "版本号须大于当前版本 " + current.get().version());
        }
        Optional<StoreOutcome> refused = VersionStates.refusal(current.get().status());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (withdrawn) {
            return StoreOutcome.recordRevoked(); // revoked with its item, by the pass under way
        }
        if (r.action() == RecordAction.REVOKE) {
            r = revoking(r, current.get());
        }
        boolean stoppedByDecision = current.get().status() == RecordStatus.EXPIRED
                && records.stoppedByDecision(r.departmentCode(), r.sourceRecordId(), WINDOWS);
        RecordStatus status = VersionStates.ofNext(r.action(), current.get().status(), stoppedByDecision,
                r.publicationEnd(), LocalDate.ofInstant(now, clock.getZone()));
        records.supersede(current.get().id());
        records.event(current.get().id(), now, current.get().status(), RecordStatus.CORRECTED, by,
                r.action() == RecordAction.REVOKE ? revoked(r) : "更正为第 " + r.version() + " 版");
        UUID id = Ids.newId();
        if (!records.insert(id, current.get().recordKey(), r, status, batchId, by, now)) {
            throw new IllegalStateException("concurrent version of the same record");
        }
        records.event(id, now, null, status, by, r.action() == RecordAction.REVOKE ? revoked(r) : "更正");
        return StoreOutcome.stored(current.get().recordKey());
    }

    /**
     * A later version of a linked copy, under the id its copy is stored under. A copy is its origin on one person
     * (RULES.md §1), named by the origin's link key ({@link NewRecord#linkKey}, of the id as stored) and the person;
     * the id ingestion derives for it is of the id as sent, spaces and all, so an UPDATE that sends the origin's id
     * otherwise spaced than its first version did would miss the copy — and leave it, and an objection on it decided
     * as 更正 or 补充 waiting for that correction, in its old version for good. The origin's corrected version is the
     * only correction a department sends for it.
     */
    private NewRecord asStoredCopy(NewRecord r) {
        if (r.linkedFrom() == null || r.action() == RecordAction.ADD) {
            return r;
        }
        return records.copySource(r.departmentCode(), r.linkedFrom(), r.subjectId())
                .filter(stored -> !stored.equals(r.sourceRecordId())).map(r::underSourceRecordId).orElse(r);
    }

    /** A revocation in a record's history: with its reason when the department gave one, for auditors (issue #4). */
    private static String revoked(NewRecord r) {
        return r.revocationReason() == null ? "撤销" : "撤销：" + r.revocationReason();
    }

    /**
     * The version a revocation stores. A revocation names its record (issue #4): what it leaves out — the decision date
     * with the windows counted from it, the decision number, content fields — is the revoked version's, so that the
     * file shows what was revoked; what it gives is its own, as when it was sent whole.
     */
    private static NewRecord revoking(NewRecord r, JdbcRecords.Current current) {
        boolean dated = r.decisionDate() != null;
        java.util.Map<String, String> content = new java.util.HashMap<>(current.content());
        content.putAll(r.content());
        return new NewRecord(r.subjectId(), r.itemCode(), r.itemVersion(), r.departmentCode(), r.sourceRecordId(),
                r.version(), r.action(), r.decisionNumber() != null ? r.decisionNumber() : current.decisionNumber(),
                dated ? r.decisionDate() : current.decisionDate(), content,
                dated ? r.publicationEnd() : current.publicationEnd(),
                dated ? r.retentionEnd() : current.retentionEnd(), r.fingerprint(), r.legacyFingerprint(),
                r.linkedFrom(), r.revocationReason());
    }

    /**
     * Every step of each of the subject's records, by record key, oldest first: who stored, corrected, revoked or
     * moved a version to another status, when and why. Shown only beside the records a look-up has shown (audited).
     */
    public Map<UUID, List<HistoryStep>> historyOf(UUID subjectId) {
        return records.historyOf(subjectId);
    }

    /**
     * How quickly a department's decisions reach the platform: days from decision to acceptance
     * ({@link CollectionFigures#timeliness}).
     */
    public record Timeliness(String departmentCode, long records, double medianDays, double p90Days) {
    }

    /** A subject's file as staff and the subject see it: current versions, shown ones first. */
    public List<FileEntry> fileOf(UUID subjectId) {
        return records.currentOf(subjectId);
    }

    /**
     * A subject's file as it is shown today, to staff, to the subject, on the public site and in reports: a record past
     * its window is 公示期满 from the day after its last day ({@link FileEntry#asOn}), also in the minutes before the
     * nightly job (or a start after a missed night) moves it, which is what tells lists and scores.
     */
    public List<FileEntry> fileAsShown(UUID subjectId) {
        LocalDate today = LocalDate.now(clock);
        return records.currentOf(subjectId).stream().map(e -> e.asOn(today)).toList();
    }

    /**
     * One of the subject's records as {@link #fileOf} holds it (the current version, its status as stored), read by its
     * key alone (gaps review xxxv P11): what finding it in the whole file gave, at one index row however many records
     * the subject has. Empty when the subject holds no current record of that key, also when another subject does.
     */
    public Optional<FileEntry> record(UUID subjectId, UUID recordKey) {
        return subjectId == null || recordKey == null ? Optional.empty() : records.currentRecord(subjectId, recordKey);
    }

    /**
     * Locks the current row of one of the subject's records until the caller's transaction ends (gaps review xxxviii
     * S5, S8), so that a decision about the record and an act resting on it happen one after the other: {@code shared}
     * by what relies on the record (a list entry taking effect), which waits for a change under way and holds the next
     * one (a repair, an objection's filing) back until it commits; exclusive by what is about to change it, first, before
     * it reads anything. Nothing when the subject holds no such record.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockRecord(UUID subjectId, UUID recordKey, boolean shared) {
        if (subjectId != null && recordKey != null) {
            records.lockCurrent(subjectId, recordKey, shared);
        }
    }

    /**
     * One of the subject's records as {@link #fileAsShown} shows it today: past its last day of publication it is
     * 公示期满 from the day after (RULES.md §4, {@link FileEntry#asOn}), before the nightly job has moved it too.
     */
    public Optional<FileEntry> recordAsShown(UUID subjectId, UUID recordKey) {
        LocalDate today = LocalDate.now(clock);
        return record(subjectId, recordKey).map(e -> e.asOn(today));
    }

    /**
     * Shown records (有效, 异议中) with this decision document number, for the public disclosure page: within their
     * window on today's date, as {@link #fileAsShown}.
     */
    public List<SubjectEntry> shownWithDecisionNumber(String decisionNumber) {
        return decisionNumber == null || decisionNumber.isBlank() ? List.of()
                : records.shownWithDecisionNumber(decisionNumber.strip(), LocalDate.now(clock), 50);
    }

    /**
     * A page of the shown records of the items, the most recently decided first, within their window on today's date
     * as {@link #fileAsShown}: for a public page's browsing list ({@code offset} records skipped).
     */
    public List<SubjectEntry> shownOfItems(Set<String> itemCodes, int offset, int limit) {
        return itemCodes.isEmpty() ? List.of() : records.shownOfItems(itemCodes, LocalDate.now(clock), offset, limit);
    }

    /**
     * Active records of the given items decided within {@code days} days from each item's date (one pass over the
     * records, for daily jobs such as telling people a record became repairable).
     */
    public List<SubjectEntry> activeDecidedWithin(java.util.Map<String, LocalDate> fromByItem, int days) {
        return fromByItem.isEmpty() ? List.of() : records.activeDecidedWithin(fromByItem, days);
    }

    /**
     * A page of the current records of the items in one of the statuses, after record key {@code after} (null: from
     * the start), in key order and without their content: for sending many records on, such as the exchange's
     * catch-up of a partner declared late.
     */
    public List<SubjectEntry> currentOfItems(Set<String> itemCodes, Set<RecordStatus> statuses, UUID after,
                                             int limit) {
        return itemCodes.isEmpty() || statuses.isEmpty() ? List.of()
                : records.currentOfItems(itemCodes, statuses, after, limit);
    }

    /** The subjects holding a chunk of records ({@link #holdersAfter}), how many records it read, and the last. */
    public record Holders(Set<UUID> subjects, UUID lastRecord, int records) {
    }

    /**
     * The subjects holding the next {@code limit} current records of the items in one of the statuses, after record
     * key {@code after} (null: from the start), in key order: a chunk of a pass over the holders of items, for
     * redoing what was derived from them (a subject may come in two chunks). {@code lastRecord} is null when no
     * record is left.
     */
    public Holders holdersAfter(Set<String> itemCodes, Set<RecordStatus> statuses, UUID after, int limit) {
        List<SubjectEntry> chunk = currentOfItems(itemCodes, statuses, after, limit);
        Set<UUID> subjects = new HashSet<>();
        chunk.forEach(e -> subjects.add(e.subjectId()));
        return new Holders(subjects, chunk.isEmpty() ? null : chunk.get(chunk.size() - 1).entry().recordKey(),
                chunk.size());
    }

    /** Many subjects' files at once (for bulk recomputation after {@link RecordsChanged}); absent: no records. */
    public java.util.Map<UUID, List<FileEntry>> filesOf(java.util.Collection<UUID> subjectIds) {
        return subjectIds.isEmpty() ? java.util.Map.of() : records.currentOfAll(subjectIds);
    }

    /**
     * {@link #filesOf(java.util.Collection)} for a reader that looks into the content of some records only: the
     * content of the records of {@code contentOfItems} or with a key in {@code contentOfRecords}; every other record
     * comes with an empty content.
     */
    public java.util.Map<UUID, List<FileEntry>> filesOf(java.util.Collection<UUID> subjectIds,
                                                        Set<String> contentOfItems, Set<UUID> contentOfRecords) {
        return subjectIds.isEmpty() ? java.util.Map.of()
                : records.currentOfAll(subjectIds, Set.copyOf(contentOfItems), Set.copyOf(contentOfRecords));
    }

    /**
     * The current records of many subjects that are in one of {@code statuses}, without their content, by subject
     * (absent: none): one query, for bulk computations such as the full score recompute.
     */
    public java.util.Map<UUID, List<RecordFacts>> factsOf(java.util.Collection<UUID> subjectIds,
                                                          Set<RecordStatus> statuses) {
        return subjectIds.isEmpty() || statuses.isEmpty() ? java.util.Map.of()
                : records.factsOf(subjectIds, statuses);
    }

    /**
     * Changes the state of one record of a subject (objections: 异议中 and back, deletion, correction; repair), with a
     * state event saying who and why, and tells the modules that depend on records ({@link RecordsChanged}).
     *
     * @return false when the record is not the subject's current record in one of {@code from}
     */
    @Transactional
    public boolean changeStatus(UUID subjectId, UUID recordKey, Set<RecordStatus> from, RecordStatus to, String by,
                                String reason) {
        Optional<String> movedItem = records.move(subjectId, recordKey, from, to, clock.instant(), by, reason);
        movedItem.ifPresent(item -> {
            events.publishEvent(new RecordsChanged(null, Set.of(subjectId), "status:" + to.name()));
            events.publishEvent(new RecordStatesChanged(List.of(new RecordStatesChanged.ChangedRecord(subjectId,
                    recordKey, item)), "status:" + to.name()));
        });
        return movedItem.isPresent();
    }

    /**
     * Gives the responsible persons' copies of an organisation's record (RULES.md §1: its dishonesty is recorded on
     * them too) the state a decision about the record gave it — revoked or stopped by an objection, repaired — each
     * with its own state event saying who and why, as the record's own change does, and tells the modules that depend
     * on records. Called after the record's own change, in its transaction. A copy has no copies of its own: a decision
     * about a copy (one person's objection to it, say, as not the legal representative) stays with that copy.
     *
     * @return the copies moved (those in one of {@code from}); none when the record has no copies or is itself one
     */
    @Transactional
    public List<RecordStatesChanged.ChangedRecord> changeStatusOfCopies(UUID subjectId, UUID recordKey,
                                                                        Set<RecordStatus> from, RecordStatus to,
                                                                        String by, String reason) {
        Optional<JdbcRecords.Origin> origin = records.originOf(subjectId, recordKey).filter(o -> !o.linkedCopy());
        if (origin.isEmpty()) {
            return List.of();
        }
        List<RecordStatesChanged.ChangedRecord> moved = records.moveCopies(origin.get().departmentCode(),
                NewRecord.linkKey(origin.get().departmentCode(), origin.get().sourceRecordId()), from, to,
                clock.instant(), by, reason);
        if (!moved.isEmpty()) {
            Set<UUID> subjects = new HashSet<>();
            moved.forEach(r -> subjects.add(r.subjectId()));
            events.publishEvent(new RecordsChanged(null, subjects, "status:" + to.name()));
            events.publishEvent(new RecordStatesChanged(moved, "status:" + to.name()));
        }
        return moved;
    }

    /**
     * The keys of the current records, of the subjects {@code subjectIds} or (when null) of every subject with an id in
     * (after, last] (null: unbounded), that were collected under one of {@code versions} (item code → item versions):
     * a computation that reads records without their item version (the full score recompute, {@link #factsOf}) finds
     * the few stored under a version that did not allow its use. One query; none when {@code versions} is empty.
     */
    public Set<UUID> collectedUnder(java.util.Collection<UUID> subjectIds, UUID after, UUID last,
                                    java.util.Map<String, Set<Integer>> versions) {
        if (versions.isEmpty() || subjectIds != null && subjectIds.isEmpty()) {
            return Set.of();
        }
        return records.collectedUnder(subjectIds, after, last, versions);
    }

    /**
     * The records in use ({@link RecordStatus#shown()}: RULES.md §4) of the items {@code itemCodes} decided from
     * {@code decidedFrom} on (null: any day) of every subject with an id in (after, last] (null: unbounded), as
     * columns in subject order, without content: for computations over the whole population such as the full score
     * recompute, which would otherwise hold an object per record. Fills {@code into}, emptied first, and returns it.
     * Reflects at least every record committed before the call.
     */
    public RecordColumns columnsBetween(UUID after, UUID last, List<String> itemCodes, LocalDate decidedFrom,
                                        RecordColumns into) {
        into.clear();
        if (!itemCodes.isEmpty()) {
            records.columnsBetween(after, last, itemCodes, decidedFrom, into);
        }
        return into;
    }

    /**
     * Ends publication and retention (RULES.md §4): a record whose last day of publication was before
     * {@code today} is no longer shown or used; a closed record past its retention is archived, whether its window
     * ended, it was revoked or it was repaired — none is kept longer than the retention allows, but none is archived
     * while its retention is extended ({@link RetentionHolds}: a serious-dishonesty list entry resting on it), the first
     * run after the hold ends archiving it. A disputed record's
     * publication ends on the same day as any other's: its objection, still open, is decided on a record no longer
     * shown (a decision that it was wrong revokes it still).
     *
     * <p>A chunk of {@code chengxin.creditfile.windows-chunk} records a transaction, each publishing its own events as
     * an ingestion chunk does (gaps review xlii W3): a night after days down, a shortened period or a legacy load moves
     * 10⁵–10⁶ records, which in one transaction held every row's lock while the synchronous listeners ran and made one
     * reaction of every subject, past the statement timeout and the heap, retried whole every hour. Inside a caller's
     * transaction ({@link ShorteningPeriods}) the chunks join it.
     *
     * @return the number of subjects whose files changed (one whose records fell in two chunks counts twice)
     */
    public int applyWindows(LocalDate today) {
        return applyWindows(today, windowsChunk, null);
    }

    /**
     * {@link #applyWindows(LocalDate)} for the records of these subjects only: for a change that ended some subjects'
     * periods at once (a chunk of a catalogue version's shortening, {@link ShorteningPeriods}), whose transaction is
     * then bounded by its own records rather than by every record due in the file, which the night moves in its own
     * chunks. The same rules, the same events and audit entry per chunk.
     */
    public int applyWindows(LocalDate today, java.util.Collection<UUID> subjectIds) {
        return subjectIds.isEmpty() ? 0 : applyWindows(today, windowsChunk, subjectIds);
    }

    int applyWindows(LocalDate today, int chunk) {
        return applyWindows(today, chunk, null);
    }

    /** The windows a chunk a transaction, over the records of {@code subjectIds} (null: every subject). */
    private int applyWindows(LocalDate today, int chunk, java.util.Collection<UUID> subjectIds) {
        Instant now = clock.instant();
        Set<UUID> held = new HashSet<>();
        retentionHolds.orderedStream().forEach(h -> held.addAll(h.heldRecords()));
        int subjects = 0;
        int moved;
        do {
            int[] done = windowChunk(() -> records.moveDue(subjectIds, Set.of(RecordStatus.ACTIVE,
                    RecordStatus.IN_DISPUTE), RecordStatus.EXPIRED, "publication_end", today, Set.of(), chunk, now,
                    WINDOWS, "公示期满，不再展示和使用"), today);
            moved = done[0];
            subjects += done[1];
        } while (moved > 0);
        do {
            int[] done = windowChunk(() -> records.moveDue(subjectIds, CLOSED, RecordStatus.ARCHIVED, "retention_end",
                    today, held, chunk, now, WINDOWS, "保存期满，归档"), today);
            moved = done[0];
            subjects += done[1];
        } while (moved > 0);
        return subjects;
    }

    /** One chunk in its transaction, with its events and audit entry; returns the records and subjects it moved. */
    private int[] windowChunk(java.util.function.Supplier<List<RecordStatesChanged.ChangedRecord>> move,
                              LocalDate today) {
        return windowTransactions.execute(status -> {
            List<RecordStatesChanged.ChangedRecord> moved = move.get();
            Set<UUID> subjects = new HashSet<>();
            moved.forEach(r -> subjects.add(r.subjectId()));
            if (!subjects.isEmpty()) {
                events.publishEvent(new RecordsChanged(null, subjects, "windows"));
                events.publishEvent(new RecordStatesChanged(moved, RecordStatesChanged.WINDOWS));
                audit.record(AuditEntry.of(AuditCategory.PROCESSING, "creditfile.windows")
                        .detail(AuditDetail.of("WINDOWS_APPLIED").with("subjects", subjects.size()).with("day", today)));
            }
            return new int[] {moved.size(), subjects.size()};
        });
    }

    /**
     * Keeps the packed facts behind {@link #columnsBetween} close to the records, so that a full computation finds
     * little to repack before it reads (it repacks what is left itself).
     */
    @Scheduled(fixedDelayString = "${chengxin.creditfile.facts-refresh:PT30S}",
            initialDelayString = "${chengxin.creditfile.facts-refresh:PT30S}")
    void refreshFactsNow() {
        long repacked = refreshFacts();
        if (repacked > 0) {
            log.debug("Packed facts refreshed for {} subjects", repacked);
        }
    }

    /** Repacks the facts of the subjects whose records changed since; returns how many. */
    public long refreshFacts() {
        return records.refreshSubjectFacts();
    }
}
