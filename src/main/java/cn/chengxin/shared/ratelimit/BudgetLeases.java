package cn.chengxin.shared.ratelimit;

import java.time.Instant;

/**
 * Where a budget shared by the instances keeps its bucket: a row per (limit, key) in the database for the platform
 * ({@code JdbcBudgetLeases}, V388; gaps-review-xxxiii N7), {@link #inMemory()} for tests of the rules alone. A lease
 * refills the bucket for the time passed, adds back what the caller held unspent, and grants a slice, in one step
 * however many instances lease at once.
 */
public interface BudgetLeases {

    /** What a lease granted, and how many tokens the bucket held before granting (for a refusal's wait). */
    record Grant(long granted, double available) {
    }

    /**
     * @param capacity  the bucket's size (a full bucket is a new key's)
     * @param perSecond its refill
     * @param returned  tokens of an earlier lease the caller gives back unspent
     * @param need      the fewest tokens worth granting: fewer there, none is granted
     * @param want      the most to grant, at least {@code need}
     */
    Grant lease(String limit, String key, long capacity, double perSecond, long returned, long need, long want,
                Instant now);

    /** A bucket in this JVM's memory: for tests of the rules without a database. */
    static BudgetLeases inMemory() {
        return new MemoryBudgetLeases();
    }
}
