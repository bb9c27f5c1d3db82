package cn.chengxin.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A position in a change feed stamped by a database sequence. A number can be taken by a transaction that commits
 * after a higher one, or by one that rolls back (or by an insert that conflicted): the cursor stops before such a
 * gap so that a late commit is still read, and steps over it once it is older than the patience. Used by every
 * module that follows another's feed (the check index, the exchange outbox).
 *
 * <p>The numbers stepped over are kept ({@link #skipped()}) so that a follower that must read every change once (the
 * exchange's upward follower, the lifts of measures: gaps review xxxviii S1) reads them again ({@link #toReread})
 * until they show ({@link #found}) or {@link #HORIZON} has passed: the platform's own transactions hold a number for
 * longer than the patience (a tick numbering every due entry then writing a notice and an audit event for each; an
 * exit waiting 15 s for the audit log or 30 s for a lock), and a number never read again is a change lost for good.
 * A rolled-back number never shows: it is read again, harmlessly, until the horizon.
 */
public final class FeedCursor {

    /**
     * How long numbers stepped over are read again: far longer than the platform holds a change number before it
     * commits (its longest are the nightly passes over every entry due, minutes at worst).
     */
    public static final Duration HORIZON = Duration.ofDays(1);
    /** The most spans kept: a follower that never reads them again (or a storm of rollbacks) drops the oldest. */
    static final int MOST_SPANS = 10_000;

    /** The numbers {@code first} to {@code last} stepped over at {@code at}, not yet read. */
    public record Skipped(long first, long last, Instant at) {
    }

    private final Duration patience;
    private long position;
    /**
     * Each gap seen above the position, by its first missing number, and when it was first seen: every gap is waited
     * for from the moment it showed, not from the moment the position reached it, so that gaps that showed together
     * cost one patience, not one each (a proposal that conflicts with an open entry, or a rolled-back statement, burns
     * a number for good; a batch re-evaluating many listed subjects leaves many such gaps).
     */
    private final TreeMap<Long, Instant> gapsSeen = new TreeMap<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private Instant rereadAt;
    private boolean resumed;

    public FeedCursor(Duration patience) {
        this.patience = patience;
    }

    public long position() {
        return position;
    }

    /** Continues from a position kept elsewhere (a follower that stores its position in its own table). */
    public void moveTo(long stored) {
        position = stored;
        gapsSeen.clear();
    }

    /**
     * Continues from a position and the numbers stepped over kept elsewhere, in the transaction that will store
     * them again: the gap being waited for is kept when the position has not moved (another instance may have
     * moved it meanwhile; then it is forgotten, as {@link #moveTo} does).
     */
    public void resume(long stored, List<Skipped> storedSkipped) {
        if (!resumed || stored != position) {
            moveTo(stored);
            resumed = true;
        }
        skipped.clear();
        skipped.addAll(storedSkipped);
    }

    /**
     * Moves over the sequence numbers just read (ascending, all above the position).
     *
     * @return true when the position reached the last of them
     */
    public boolean advance(List<Long> read, Instant now) {
        long previous = position;
        for (long seq : read) {
            if (seq > previous + 1) {
                gapsSeen.putIfAbsent(previous + 1, now);
            }
            previous = seq;
        }
        long contiguous = position;
        for (long seq : read) {
            if (seq == contiguous + 1) {
                contiguous = seq;
                continue;
            }
            Instant since = gapsSeen.getOrDefault(contiguous + 1, now);
            if (Duration.between(since, now).compareTo(patience) < 0) {
                break;
            }
            keep(new Skipped(contiguous + 1, seq - 1, now));
            contiguous = seq;
        }
        position = contiguous;
        gapsSeen.headMap(position, true).clear();
        forgetPast(now);
        return read.isEmpty() || contiguous == read.get(read.size() - 1);
    }

    /** The numbers stepped over and not yet read, oldest first (to be kept with the position). */
    public List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * The numbers stepped over to read again now: all of them, at most once a patience (a late commit is read within
     * the patience of its commit, and a rolled-back number costs one look a patience); none most of the time.
     */
    public List<Skipped> toReread(Instant now) {
        forgetPast(now);
        if (skipped.isEmpty() || rereadAt != null && Duration.between(rereadAt, now).compareTo(patience) < 0) {
            return List.of();
        }
        rereadAt = now;
        return List.copyOf(skipped);
    }

    /** The numbers read again that showed: never read again. */
    public void found(Collection<Long> seqs) {
        if (seqs.isEmpty() || skipped.isEmpty()) {
            return;
        }
        TreeSet<Long> shown = new TreeSet<>(seqs);
        List<Skipped> left = new ArrayList<>();
        for (Skipped s : skipped) {
            long from = s.first();
            for (Long seq : shown.subSet(s.first(), true, s.last(), true)) {
                if (seq > from) {
                    left.add(new Skipped(from, seq - 1, s.at()));
                }
                from = seq + 1;
            }
            if (from <= s.last()) {
                left.add(new Skipped(from, s.last(), s.at()));
            }
        }
        skipped.clear();
        skipped.addAll(left);
    }

    /**
     * Keeps a span stepped over, unless one kept covers it (a position moved back, as an operator may to read a feed
     * again, steps over the same numbers again): one span a first number, as the followers' tables key them.
     */
    private void keep(Skipped span) {
        if (skipped.stream().anyMatch(s -> s.first() <= span.first() && s.last() >= span.last())) {
            return;
        }
        skipped.removeIf(s -> s.first() >= span.first() && s.last() <= span.last());
        skipped.add(span);
    }

    private void forgetPast(Instant now) {
        skipped.removeIf(s -> Duration.between(s.at(), now).compareTo(HORIZON) > 0);
        while (skipped.size() > MOST_SPANS) {
            skipped.remove(0);
        }
    }
}
