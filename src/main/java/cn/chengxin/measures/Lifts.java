package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.exchange.Exchange;
import cn.chengxin.exchange.ReceivedEntry;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import cn.chengxin.measures.persistence.JdbcMeasures;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.FeedCursor;
import cn.chengxin.shared.security.Actor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures lifted at exit (H3): RULES.md §7 "punishment stops at exit" and §6 "repair removes from lists and lifts
 * the measures; … push the result to … partners"; issue #5 "Exit (expiry, repair, objection upheld, basis revoked)
 * ends measures at once". A check keeps the entries its owed measures rested on; when the last of them ends, the
 * department that fed a measure back as applied is told to lift it: a row it reads through the check API
 * ({@code GET /api/v1/checks/lifted}) and its staff on the console, and acknowledges. The entries' ends are read by
 * following listing's change feed, its position kept in the transaction of what it recorded (as the exchange's
 * outbox follows it), so that a restart resumes where it stopped and no exit is lost. A check whose entries all
 * ended before its feedback was complete owes none any more.
 */
@Service
public class Lifts {

    static final String LISTING_FEED = "listing";
    static final String RECEIVED_FEED = "received";
    /** Why a received entry ended, as the department reads it: the issuing platform no longer has it in force. */
    static final String RECEIVED_EXIT = "发布平台已移出名单";
    /** Why a received entry ended that passed its last day (validUntil) with no new version: as ours say at expiry. */
    static final String RECEIVED_EXPIRED = "有效期届满";
    private static final int PAGE = 500;
    /** Checks older than this are not told of their entries' end: no list entry lasts longer (RULES.md §7). */
    static final int YEARS = 5;

    private final JdbcMeasures store;
    private final AuditLog audit;
    private final Clock clock;
    private final Feed<ListEntry> listingFeed;
    private final Feed<ReceivedEntry> receivedFeed;

    Lifts(JdbcMeasures store, Listing listing, Exchange exchange, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.listingFeed = new Feed<>(LISTING_FEED, new FeedCursor(Duration.ofSeconds(10)), listing::changesSince,
                (spans, page) -> {
                    List<ListEntry> late = listing.changesIn(spans, page);
                    return new Late<>(late, late.stream().map(ListEntry::changeSeq).toList());
                }, ListEntry::changeSeq);
        this.receivedFeed = new Feed<>(RECEIVED_FEED, new FeedCursor(Duration.ofSeconds(10)), exchange::receivedSince,
                (spans, page) -> {
                    Exchange.ReceivedIn late = exchange.receivedIn(spans, page);
                    return new Late<>(late.entries(), late.shown());
                }, ReceivedEntry::changeSeq);
    }

    /**
     * Follows listing's change feed (every second): the entries that ended are recorded, with the day and the
     * reason, and the checks resting only on ended entries are lifted. The position moves in the same transaction.
     *
     * @return how many checks were recorded as lifted
     */
    @Scheduled(fixedDelayString = "${chengxin.measures.lift-follow:PT1S}")
    @Transactional
    public synchronized int followListing() {
        return follow(listingFeed, (changes, now) -> changes.stream()
                .filter(e -> e.status() == EntryStatus.EXITED)
                .map(e -> new JdbcMeasures.EndedEntry(e.id().toString(), LocalDate.ofInstant(
                        e.exitedAt() == null ? now : e.exitedAt(), clock.getZone()), e.exitReason()))
                .toList());
    }

    /**
     * Follows the exchange's feed of the list entries other platforms issued (every second), as the check index does
     * ("一处失信，处处受限", RULES.md §11: their exit ends the measures here too): an entry its platform no longer has in
     * force ended on the day that version arrived; the checks resting only on ended entries are lifted. A version
     * in force again (received after an end) makes the entry count as not ended for the checks still waiting. The
     * position moves in the same transaction, so that a restart resumes where it stopped.
     *
     * @return how many checks were recorded as lifted
     */
    @Scheduled(fixedDelayString = "${chengxin.measures.lift-follow:PT1S}")
    @Transactional
    public synchronized int followReceived() {
        return follow(receivedFeed, (changes, now) -> {
            List<JdbcMeasures.EndedEntry> ended = new ArrayList<>(changes.stream()
                    .filter(e -> !e.inForce())
                    .map(e -> new JdbcMeasures.EndedEntry(e.key(), LocalDate.ofInstant(
                            e.receivedAt() == null ? now : e.receivedAt(), clock.getZone()), RECEIVED_EXIT))
                    .toList());
            List<ReceivedEntry> inForce = changes.stream().filter(ReceivedEntry::inForce).toList();
            store.entriesInForceAgain(inForce.stream().map(ReceivedEntry::key).toList());
            store.lastDays(inForce.stream().map(e -> new JdbcMeasures.LastDay(e.key(), e.validUntil())).toList(),
                    ended.stream().map(JdbcMeasures.EndedEntry::id).toList());
            ended.addAll(pastTheirLastDay());
            return ended;
        });
    }

    /**
     * A feed of entries whose ends are followed: its name (where its position is kept), how a page of it after a
     * position is read, how the changes numbered in spans its cursor stepped over are read again, and each change's
     * number in it.
     */
    private record Feed<T>(String name, FeedCursor cursor, BiFunction<Long, Integer, List<T>> read,
                           BiFunction<List<FeedCursor.Skipped>, Integer, Late<T>> reread, ToLongFunction<T> seq) {
    }

    /** The changes read again in numbers a cursor stepped over, and every number that showed (of any row). */
    private record Late<T>(List<T> changes, List<Long> shown) {
    }

    /**
     * Reads one page of the feed after its stored position (locked until the transaction ends), records the ends
     * {@code ended} finds in it and lifts the checks resting only on ended entries, then stores the position moved
     * over the page, in the same transaction: a restart resumes where it stopped, and no end is lost.
     */
    private <T> int follow(Feed<T> feed, BiFunction<List<T>, Instant, List<JdbcMeasures.EndedEntry>> ended) {
        long position = store.lockPosition(feed.name());
        List<FeedCursor.Skipped> skipped = store.skipped(feed.name());
        feed.cursor().resume(position, skipped);
        Instant now = clock.instant();
        List<T> changes = feed.read().apply(feed.cursor().position(), PAGE);
        // The numbers stepped over read again (gaps review xxxviii S1): an end committed after a later change, past
        // the patience, is recorded all the same. Read after the page, no row is in both: one changed in between
        // has a number above the position, neither in the page nor in the spans.
        Late<T> late = feed.reread().apply(feed.cursor().toReread(now), PAGE);
        List<JdbcMeasures.EndedEntry> ends = ended.apply(
                java.util.stream.Stream.concat(late.changes().stream(), changes.stream()).toList(), now);
        int lifted = ends.isEmpty() ? 0
                : store.entriesEnded(ends, ZonedDateTime.now(clock).minusYears(YEARS).toInstant(), now);
        feed.cursor().found(late.shown());
        feed.cursor().advance(changes.stream().map(c -> feed.seq().applyAsLong(c)).toList(), now);
        store.savePosition(feed.name(), feed.cursor().position());
        store.saveSkipped(feed.name(), skipped, feed.cursor().skipped());
        return lifted;
    }

    /**
     * The received entries whose last day has passed in the city (the clock's zone) with no version since: ended on
     * the day after it, as an entry of ours ends when its period runs out (RULES.md §7). Those of a version just read
     * whose last day had passed when it arrived are among them. Each is answered once (its last day is forgotten
     * in the transaction that records its end).
     */
    private List<JdbcMeasures.EndedEntry> pastTheirLastDay() {
        return store.pastTheirLastDay(LocalDate.now(clock), PAGE).stream()
                .map(d -> new JdbcMeasures.EndedEntry(d.entryId(), d.validUntil().plusDays(1), RECEIVED_EXPIRED))
                .toList();
    }

    /**
     * How long after an end was recorded the checks resting on its entry are looked at again: longer than a check
     * can be answered on an index that has not yet read the end (its refresh, up to the gap patience of its feed
     * cursor; an end committed after the cursor stepped over its number, within a patience of its commit, as the
     * index reads those numbers again: gaps review xxxviii S1) and then wait to be stored with its audit event
     * ({@link AuditLog#LONGEST_WAIT}). The end is recorded here no earlier than its commit.
     */
    static final Duration LATE_CHECKS = Duration.ofMinutes(2);

    /**
     * Closes the race of a check answered on an entry that had ended within the check index's refresh (RULES.md
     * §7): the followers mark the checks resting on an entry when they record its end, and such a check may be
     * stored after that (or while, neither transaction seeing the other's row). Every second, the checks resting on
     * the entries ended in the last {@link #LATE_CHECKS} and not yet marked are marked if all their entries have
     * ended, and lifted where applied. Nothing is added to the check path: the check is found through the few
     * entries ended lately (the index on the checks' entries), and a check marked already is left as it is.
     *
     * @return how many checks were recorded as lifted
     */
    @Scheduled(fixedDelayString = "${chengxin.measures.lift-follow:PT1S}")
    @Transactional
    public int catchChecksStoredAfterTheEnd() {
        Instant now = clock.instant();
        return store.storedAfterTheirEnd(now.minus(LATE_CHECKS),
                ZonedDateTime.now(clock).minusYears(YEARS).toInstant(), now);
    }

    /** The most lifted checks one answer or page holds. */
    public static final int MAX_PAGE_SIZE = 100;

    /**
     * A batch of the calling department's lifted checks: how many it has not acknowledged, and the position to read
     * on from (null on the last batch).
     */
    public record LiftedBatch(List<JdbcMeasures.Lifted> lifted, long unacknowledged, Long next) {
    }

    /**
     * The lifted checks of the calling system's department (made with any of its keys), oldest first, after the
     * position {@code after} (from the first when null). Only its department's; no subject is named.
     */
    public LiftedBatch liftedForCaller(Long after, int limit) {
        String department = Checks.departmentOf(AuditLog.currentActor());
        if (after != null && after < 0) {
            throw new MeasuresProblem("AFTER_LIFTED_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "after 须是上一批回答中的 next（不小于 0 的整数）；不带 after 则从最早的开始");
        }
        int size = Math.min(Math.max(1, limit), MAX_PAGE_SIZE);
        List<JdbcMeasures.Lifted> page = store.lifted(department, after == null ? 0 : after, false, size);
        Long next = page.size() == size ? page.get(size - 1).seq() : null;
        return new LiftedBatch(page, store.countUnacknowledged(department), next);
    }

    /** A department's lifted checks not yet acknowledged, oldest first, for its staff (at most a page). */
    public List<JdbcMeasures.Lifted> unacknowledged(String department) {
        return store.lifted(department, 0, true, MAX_PAGE_SIZE);
    }

    public long countUnacknowledged(String department) {
        return store.countUnacknowledged(department);
    }

    /** The department's lifted checks recorded before {@code before} and still unacknowledged (its 工作台, K6). */
    public long countUnacknowledgedBefore(String department, Instant before) {
        return store.countUnacknowledged(department, before);
    }

    /**
     * The department's staff confirm that they lifted what the check applied (audited; it names no subject).
     *
     * @throws MeasuresProblem LIFTED_UNKNOWN when the department has no such lifted check still unacknowledged
     */
    public void acknowledge(String department, long seq) {
        Actor caller = AuditLog.currentActor();
        if (department == null || department.isBlank()
                || !store.acknowledge(department, seq, caller.actorId(), clock.instant())) {
            throw new MeasuresProblem("LIFTED_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                    "本部门没有这条待确认的措施解除");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "measures.lifted.acknowledged").by(caller)
                .detail(AuditDetail.of("MEASURE_LIFT_ACKNOWLEDGED").with("lifted", seq)
                        .with("department", department)));
    }

    /** A lifted check acknowledged: its position and when it was acknowledged (the first time). */
    public record Acknowledgement(long seq, Instant acknowledgedAt) {
    }

    /**
     * The calling system's department confirms over the API that it lifted what the check applied, audited as the
     * console's acknowledgement is. Sent again (a retry after a lost answer), it answers the first acknowledgement
     * and records nothing more.
     *
     * @throws MeasuresProblem LIFTED_UNKNOWN when its department has no lifted check at {@code seq}
     */
    @Transactional
    public Acknowledgement acknowledgeByCaller(long seq) {
        String department = Checks.departmentOf(AuditLog.currentActor());
        return store.acknowledgedAt(department, seq)
                .map(at -> new Acknowledgement(seq, at))
                .orElseGet(() -> {
                    acknowledge(department, seq);
                    return new Acknowledgement(seq, store.acknowledgedAt(department, seq).orElseThrow());
                });
    }

    /** Per department, its lifted checks recorded before {@code before} and still unacknowledged (supervision). */
    public Map<String, Long> unacknowledgedBefore(Instant before) {
        return store.unacknowledgedBefore(before);
    }
}
