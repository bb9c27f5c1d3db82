package cn.chengxin.shared.ratelimit;

import java.time.Instant;

/**
 * Where the limits against abuse keep their counts: a count per (limit, key, window). In the database for the
 * platform ({@code JdbcLimitCounters}, gaps-review-xxxiii N7), so that every instance counts together and a restart
 * empties nothing; {@link #inMemory()} for tests of the rules alone.
 */
public interface LimitCounters {

    /** A key's counts in the window holding the time asked and in the one before it. */
    record Counts(long previous, long current) {
    }

    /**
     * Adds {@code amount} to {@code key}'s count under {@code limit} in the window holding {@code now}, in one step
     * however many instances add at once.
     *
     * @return the counts after adding
     */
    Counts add(String limit, String key, SlidingWindow window, long amount, Instant now);

    /** The counts as they are, adding nothing. */
    Counts read(String limit, String key, SlidingWindow window, Instant now);

    /** Takes back {@code amount} added to the window holding {@code now} (a refused request is not counted). */
    void takeBack(String limit, String key, SlidingWindow window, long amount, Instant now);

    /** Counts in this JVM's memory: for tests of the rules without a database. */
    static LimitCounters inMemory() {
        return new MemoryLimitCounters();
    }
}
