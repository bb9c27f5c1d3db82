package cn.chengxin.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A limit of {@code max} in any {@code window}, counted as the sliding-window estimate over two fixed windows (RULES.md
 * §10; gaps-review-xxxiii N7): the current window's count plus the previous window's count weighted by how much of the
 * previous window the sliding window still covers. Two counters per key are all a shared store has to keep, and the
 * estimate never jumps to zero at a window's boundary as a fixed window would. Windows start at multiples of their
 * length since the epoch, so that every instance agrees on them. Pure arithmetic; the counts live in {@link
 * LimitCounters}.
 */
public record SlidingWindow(long max, Duration window) {

    public SlidingWindow {
        if (max < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("max must be at least 1 and the window positive");
        }
    }

    /** The start of the fixed window holding {@code now}. */
    public Instant start(Instant now) {
        long length = window.toMillis();
        long at = now.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(at, length) * length);
    }

    /** The start of the fixed window before the one holding {@code now}. */
    public Instant previousStart(Instant now) {
        return start(now).minus(window);
    }

    /** When a window's row is of no more use: once the window after it has ended. */
    public Instant expiry(Instant windowStart) {
        return windowStart.plus(window).plus(window);
    }

    /** The estimated count at {@code now} of the last {@code window}, given both windows' counts. */
    public double estimate(long previous, long current, Instant now) {
        return previous * (1 - elapsedFraction(now)) + current;
    }

    /** Whether {@code amount} more fits at {@code now} besides the counts already there (not counting it). */
    public boolean admits(long previous, long current, long amount, Instant now) {
        return estimate(previous, current, now) + amount <= max + 1e-9;
    }

    /**
     * How long until {@code amount} more would fit, when nothing else is counted meanwhile: in whole seconds, at least
     * one (the {@code Retry-After} of a 429, RFC 9110 §10.2.3), and never more than the window: by then everything
     * counted has left the sliding window, though the estimate, which spreads the previous window's count evenly, may
     * still refuse for a few seconds more (it then answers with that short wait).
     */
    public Duration retryAfter(long previous, long current, long amount, Instant now) {
        double length = window.toNanos();
        double elapsed = elapsedFraction(now) * length;
        double waitNanos;
        if (current + amount <= max) {
            // Within this window, once enough of the previous one has slid out.
            double fraction = previous == 0 ? 0 : 1 - (max - current - amount) / (double) previous;
            waitNanos = fraction * length - elapsed;
        } else {
            // In the next window, where this window's count is the previous one.
            double fraction = amount > max ? 1 : Math.max(0, 1 - (max - amount) / (double) current);
            waitNanos = (length - elapsed) + fraction * length;
        }
        // To the nanosecond first, so that the arithmetic's last bits do not add a second.
        long nanos = Math.max(0, Math.round(waitNanos));
        long seconds = Math.min((nanos + 999_999_999L) / 1_000_000_000L, Math.max(1, window.toSeconds()));
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private double elapsedFraction(Instant now) {
        return Duration.between(start(now), now).toNanos() / (double) window.toNanos();
    }
}
