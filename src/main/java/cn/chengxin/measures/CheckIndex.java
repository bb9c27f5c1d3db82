package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The entries in force, in memory, by subject pseudonym, so that a check needs no database read. Each instance
 * follows the listing change feed (a sequence stamped on every change) every 250 ms, so a change is visible on
 * every instance within a second. A sequence number can be taken by a transaction that commits later than a
 * higher one (or never, after a rollback): the cursor stops at such a gap and re-reads past it until the gap
 * fills or is older than {@link #GAP_PATIENCE}.
 */
@Component
class CheckIndex {

    private static final int PAGE = 5_000;
    static final Duration GAP_PATIENCE = Duration.ofSeconds(10);

    private final Listing listing;
    private final Clock clock;
    private final ConcurrentHashMap<String, List<ListEntry>> bySubject = new ConcurrentHashMap<>();
    private long cursor;
    private long gapAt = -1;
    private Instant gapSince;
    private volatile boolean loaded;

    CheckIndex(Listing listing, Clock clock) {
        this.listing = listing;
        this.clock = clock;
    }

    /** The subject's entries in force today. */
    List<ListEntry> inForce(String pseudonym) {
        if (!loaded) {
            refresh();
        }
        List<ListEntry> entries = bySubject.get(pseudonym);
        if (entries == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return entries.stream().filter(e -> e.inForce(today)).toList();
    }

    int subjects() {
        return bySubject.size();
    }

    @Scheduled(fixedDelayString = "${chengxin.measures.index-refresh:PT0.25S}")
    synchronized void refresh() {
        while (true) {
            List<ListEntry> changes = listing.changesSince(cursor, PAGE);
            changes.forEach(this::apply);
            long contiguous = cursor;
            for (ListEntry change : changes) {
                if (change.changeSeq() == contiguous + 1) {
                    contiguous++;
                    continue;
                }
                // A gap before this change: wait for it, but not for ever (rolled-back or skipped numbers).
                if (gapAt != contiguous + 1) {
                    gapAt = contiguous + 1;
                    gapSince = clock.instant();
                }
                if (Duration.between(gapSince, clock.instant()).compareTo(GAP_PATIENCE) >= 0) {
                    contiguous = change.changeSeq();
                    gapAt = -1;
                    continue;
                }
                break;
            }
            cursor = contiguous;
            if (changes.size() < PAGE || contiguous < changes.get(changes.size() - 1).changeSeq()) {
                break;
            }
        }
        loaded = true;
    }

    private void apply(ListEntry change) {
        bySubject.compute(change.subjectPseudonym(), (key, entries) -> {
            List<ListEntry> next = new ArrayList<>(entries == null ? List.of() : entries);
            next.removeIf(e -> e.id().equals(change.id()));
            if (change.status() == EntryStatus.EFFECTIVE) {
                next.add(change);
            }
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }
}
