package cn.chengxin.shared.ratelimit;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LimitCounters} in memory, for tests of the rules alone; old windows are never removed. */
final class MemoryLimitCounters implements LimitCounters {

    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    @Override
    public Counts add(String limit, String key, SlidingWindow window, long amount, Instant now) {
        long current = counts.merge(id(limit, key, window.start(now)), amount, Long::sum);
        return new Counts(counts.getOrDefault(id(limit, key, window.previousStart(now)), 0L), current);
    }

    @Override
    public Counts read(String limit, String key, SlidingWindow window, Instant now) {
        return new Counts(counts.getOrDefault(id(limit, key, window.previousStart(now)), 0L),
                counts.getOrDefault(id(limit, key, window.start(now)), 0L));
    }

    @Override
    public void takeBack(String limit, String key, SlidingWindow window, long amount, Instant now) {
        counts.merge(id(limit, key, window.start(now)), -amount, (a, b) -> Math.max(0, a + b));
    }

    private static String id(String limit, String key, Instant windowStart) {
        return limit + "\u0000" + key + "\u0000" + windowStart;
    }
}
