package cn.chengxin.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code max} per key within any {@code window} ({@link SlidingWindow}), counted in {@link LimitCounters}: in
 * the database, every instance of the platform counts together (gaps-review-xxxiii N7). One round trip per request
 * that passes; a refused one takes its count back (a second), so that refusals do not lengthen the wait.
 */
public final class SharedLimit {

    private final LimitCounters counters;
    private final String name;
    private final SlidingWindow window;

    /** @param name the limit's own name in the store, e.g. its refusal code */
    public SharedLimit(LimitCounters counters, String name, long max, Duration window) {
        this.counters = counters;
        this.name = name;
        this.window = new SlidingWindow(max, window);
    }

    /** The outcome of one request: allowed, or refused with how long to wait. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    /** Counts one request for {@code key} if it fits the limit; a refused one is not counted. */
    public Decision tryTake(String key, Instant now) {
        return tryTake(key, now, 1);
    }

    /** Counts {@code amount} for {@code key} if they fit the limit, else none. */
    public Decision tryTake(String key, Instant now, long amount) {
        LimitCounters.Counts counts = counters.add(name, key, window, amount, now);
        long before = counts.current() - amount;
        if (window.admits(counts.previous(), before, amount, now)) {
            return new Decision(true, Duration.ZERO);
        }
        counters.takeBack(name, key, window, amount, now);
        return new Decision(false, window.retryAfter(counts.previous(), before, amount, now));
    }

    /** Counts one for {@code key}, whatever the limit says (a failure to remember). */
    public void count(String key, Instant now) {
        counters.add(name, key, window, 1, now);
    }

    /** Whether {@code key}'s count over the last window has reached the limit. */
    public boolean reached(String key, Instant now) {
        LimitCounters.Counts counts = counters.read(name, key, window, now);
        return window.estimate(counts.previous(), counts.current(), now) >= window.max() - 1e-9;
    }
}
