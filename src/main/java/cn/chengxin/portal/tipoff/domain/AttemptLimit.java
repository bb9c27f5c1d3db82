package cn.chengxin.portal.tipoff.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import cn.chengxin.shared.ratelimit.ClientKeys;

/**
 * At most {@code limit} attempts per client ({@link ClientKeys}: IPv4 address, IPv6 /64) within any {@code window} (a sliding window): the public's
 * tip-off form stays open to everyone while one address cannot flood the credit office. A refused attempt
 * is not counted and learns when the oldest counted one leaves the window (for {@code Retry-After}).
 *
 * <p>Held in memory, per instance; memory stays bounded because clients whose attempts have all left the
 * window are dropped when the table grows. Thread-safe.
 */
public final class AttemptLimit {

    private static final int SWEEP_ABOVE = 10_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();

    public AttemptLimit(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit must be at least 1 and window positive");
        }
        this.limit = limit;
        this.window = window;
    }

    /** The outcome of one attempt: allowed, or refused with the time until the next is allowed. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    public synchronized Decision tryAttempt(String client, Instant now) {
        if (attempts.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Deque<Instant> times = attempts.computeIfAbsent(ClientKeys.of(client), c -> new ArrayDeque<>());
        Instant windowStart = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            Duration wait = Duration.between(windowStart, times.peekFirst());
            return new Decision(false, wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
        }
        times.addLast(now);
        return new Decision(true, Duration.ZERO);
    }

    private void sweep(Instant now) {
        Instant windowStart = now.minus(window);
        for (Iterator<Deque<Instant>> it = attempts.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            if (times.isEmpty() || !times.peekLast().isAfter(windowStart)) {
                it.remove();
            }
        }
    }
}
