package cn.chengxin.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.shared.jdbc.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code listing.exit} events of the ends the tick makes of itself on the law's terms, recorded after the end's
 * commit (gaps review xxxviii S4): owed in the end's transaction ({@code listing.exit_event_owed}, V510) and no longer
 * owed in the transaction of the event (the audit writer deletes the row with it, {@link
 * JdbcListing#EXIT_EVENT_RECORDED}). So an audit log that refuses the event, or a process that dies between the
 * commit and the event, leaves it owed, and a later tick records it; recorded, it is never recorded again. The end's
 * transaction claims its row for {@link #LEASE}, far longer than the audit log waits ({@link AuditLog#LONGEST_WAIT}),
 * so that a tick does not record it while the after-commit step still may.
 */
@Component
class OwedExitEvents {

    static final Duration LEASE = Duration.ofMinutes(2);
    /** The most owed events one tick records: the log refusing, the rest wait for the next. */
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(OwedExitEvents.class);

    private final JdbcListing store;
    private final AuditLog audit;
    private final Clock clock;

    OwedExitEvents(JdbcListing store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The event of the entry's end, for the reason it ended with. */
    static AuditEntry event(ListEntry entry, String reason) {
        return AuditEntry.of(AuditCategory.PROCESSING, "listing.exit").subject(entry.subjectPseudonym())
                .detail(ListDetails.entry(AuditDetail.of("LIST_EXITED"), entry).with("reason", reason));
    }

    /**
     * In the end's transaction: its event is owed until recorded, and recorded once the end commits. An event the
     * audit log refuses then stays owed (the end stands: the measures must not run past their term).
     */
    void oweAfterCommit(ListEntry entry, String reason, Instant now) {
        store.oweExitEvent(entry.id(), now, now.plus(LEASE));
        AuditEntry event = event(entry, reason);
        AfterCommit.run(() -> record(entry.id(), event));
    }

    /**
     * Records the owed events whose claim is over at {@code now} (an after-commit step that failed or never ran).
     * Call outside a transaction: each claim commits by itself before its event is recorded.
     *
     * @return how many were recorded
     */
    int recordOwed(Instant now) {
        List<UUID> claimed = store.claimOwedExitEvents(now, now.plus(LEASE), BATCH);
        int recorded = 0;
        for (UUID id : claimed) {
            Optional<ListEntry> entry = store.entry(id).filter(e -> e.status() == EntryStatus.EXITED);
            if (entry.isEmpty()) {
                store.dropOwedExitEvent(id);
                continue;
            }
            if (!record(id, event(entry.get(), entry.get().exitReason()))) {
                break;
            }
            recorded++;
        }
        return recorded;
    }

    /** The tick's step: the events owed past their claim now. */
    int recordOwed() {
        return recordOwed(clock.instant());
    }

    /** @return false when the audit log refused the event, which stays owed */
    private boolean record(UUID entryId, AuditEntry event) {
        try {
            audit.record(event, JdbcListing.EXIT_EVENT_RECORDED, entryId);
            return true;
        } catch (RuntimeException e) {
            log.error("Lists: entry {} ended (its exit_reason and exited_at stand); its audit event stays owed and is "
                    + "recorded by a later tick: {}", entryId, e.toString());
            return false;
        }
    }
}
