package cn.chengxin.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link BudgetLeases} in memory, the arithmetic of {@code shared.lease_budget} (V388): for tests of the rules. */
final class MemoryBudgetLeases implements BudgetLeases {

    private record Bucket(double tokens, Instant refilledAt) {
    }

    private final Map<String, Bucket> buckets = new HashMap<>();

    @Override
    public synchronized Grant lease(String limit, String key, long capacity, double perSecond, long returned,
                                    long need, long want, Instant now) {
        Bucket bucket = buckets.getOrDefault(limit + "\u0000" + key, new Bucket(capacity, now));
        double seconds = Math.max(0, Duration.between(bucket.refilledAt(), now).toNanos() / 1e9);
        double available = Math.min(capacity, bucket.tokens() + returned + perSecond * seconds);
        long granted = available >= need ? Math.min((long) Math.floor(available), want) : 0;
        buckets.put(limit + "\u0000" + key, new Bucket(available - granted,
                now.isAfter(bucket.refilledAt()) ? now : bucket.refilledAt()));
        return new Grant(granted, available);
    }
}
