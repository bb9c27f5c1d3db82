package cn.chengxin.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Rate limiting of one client system with the token bucket algorithm: up to {@code capacity} requests in a
 * burst, then one per {@code 1 / refillPerSecond} seconds. A refused request learns how long to wait, for
 * the {@code Retry-After} header of a 429 response (RFC 6585 §4, RFC 9110 §10.2.3: whole seconds). It
 * protects the platform from one client's overload and slows down key guessing (GB/T 22239-2019 §8.1.4.1
 * b).
 *
 * <p>Integer arithmetic in nanoseconds, so boundaries are exact. Tokens are refilled lazily from the time
 * passed to {@link #tryTake}; there is no background thread. A time earlier than one already seen adds no
 * tokens. Thread-safe: one bucket is shared by all requests of its client.
 */
public final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long capacity;
    private final long nanosPerToken;
    private long tokens;
    /** The time up to which tokens have been credited; {@code null} before the first request. */
    private Instant refilledUpTo;

    /**
     * A full bucket.
     *
     * @param capacity        the burst size, at least 1
     * @param refillPerSecond tokens added per second, positive (0.5 = one every 2 s)
     */
    public TokenBucket(long capacity, double refillPerSecond) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (!(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
            throw new IllegalArgumentException("refillPerSecond must be positive and finite");
        }
        this.capacity = capacity;
        this.nanosPerToken = Math.max(1L, Math.round(NANOS_PER_SECOND / refillPerSecond));
        this.tokens = capacity;
    }

    /** The outcome of one request: allowed, or denied with the wait until a token is available. */
    public record Decision(boolean allowed, Duration retryAfter) {

        private static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        public Decision {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        static Decision allow() {
            return ALLOWED;
        }

        static Decision deny(Duration retryAfter) {
            return new Decision(false, retryAfter);
        }
    }

    /** Takes one token at {@code now} if there is one. */
    public Decision tryTake(Instant now) {
        return tryTake(now, 1);
    }

    /**
     * Takes {@code count} tokens at {@code now} if there are that many, else none: a request that costs more than one
     * (a batch, by its items). Refused, it learns how long until that many are there; one costing more than the
     * capacity, how long until the bucket is full, which still does not let it through (its caller says so).
     */
    public synchronized Decision tryTake(Instant now, long count) {
        Objects.requireNonNull(now, "now");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        refill(now);
        if (tokens >= count) {
            tokens -= count;
            return Decision.allow();
        }
        long missing = Math.min(count, capacity) - tokens;
        long waitNanos = missing > Long.MAX_VALUE / 2 / nanosPerToken ? Long.MAX_VALUE / 2
                : missing * nanosPerToken - elapsedNanos(refilledUpTo, now);
        long seconds = Math.max(1L, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        return Decision.deny(Duration.ofSeconds(seconds));
    }

    /**
     * The tokens left after the last take, for a client to see its limit coming ({@code RateLimit}, gaps review xxxvii
     * R9): read, not refilled, so it costs no clock and no allocation.
     */
    public synchronized long remaining() {
        return tokens;
    }

    /** Whole seconds until the bucket is full again from what is left now, at most: 0 when it is full. */
    public synchronized long secondsUntilFull() {
        long missing = capacity - tokens;
        if (missing <= 0) {
            return 0;
        }
        long nanos = missing > Long.MAX_VALUE / nanosPerToken ? Long.MAX_VALUE : missing * nanosPerToken;
        return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    private void refill(Instant now) {
        if (refilledUpTo == null || tokens >= capacity) {
            if (refilledUpTo == null || now.isAfter(refilledUpTo)) {
                refilledUpTo = now;
            }
            return;
        }
        long elapsed = elapsedNanos(refilledUpTo, now);
        long earned = elapsed / nanosPerToken;
        if (earned >= capacity - tokens) {
            tokens = capacity;
            refilledUpTo = now;
        } else if (earned > 0) {
            tokens += earned;
            // Keep the part of a token already earned.
            refilledUpTo = refilledUpTo.plusNanos(earned * nanosPerToken);
        }
    }

    /** Nanoseconds from {@code from} to {@code to}; 0 if {@code to} is earlier, saturating on overflow. */
    private static long elapsedNanos(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        try {
            return Duration.between(from, to).toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
