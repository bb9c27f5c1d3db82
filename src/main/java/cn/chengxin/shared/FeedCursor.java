package cn.chengxin.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A position in a change feed stamped by a database sequence. A number can be taken by a transaction that commits
 * after a higher one, or by one that rolls back (or by an insert that conflicted): the cursor stops before such a
 * gap so that a late commit is still read, and steps over it once it is older than the patience. Used by every
 * module that follows another's feed (the check index, the exchange outbox).
 */
public final class FeedCursor {

    private final Duration patience;
    private long position;
    private long gapAt = -1;
    private Instant gapSince;

    public FeedCursor(Duration patience) {
        this.patience = patience;
    }

    public long position() {
        return position;
    }

    /** Continues from a position kept elsewhere (a follower that stores its position in its own table). */
    public void moveTo(long stored) {
        position = stored;
        gapAt = -1;
    }

    /**
     * Moves over the sequence numbers just read (ascending, all above the position).
     *
     * @return true when the position reached the last of them
     */
    public boolean advance(List<Long> read, Instant now) {
        long contiguous = position;
        for (long seq : read) {
            if (seq == contiguous + 1) {
                contiguous = seq;
                continue;
            }
            if (gapAt != contiguous + 1) {
                gapAt = contiguous + 1;
                gapSince = now;
            }
            if (Duration.between(gapSince, now).compareTo(patience) < 0) {
                break;
            }
            contiguous = seq;
            gapAt = -1;
        }
        position = contiguous;
        return read.isEmpty() || contiguous == read.get(read.size() - 1);
    }
}
