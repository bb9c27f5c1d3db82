package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-client rate limit: a bucket of {@code capacity} tokens refilled at {@code perSecond}; a request
 * takes one or is told how long to wait (HTTP 429 with Retry-After, in whole seconds, at least one).
 */
public final class TokenBucket {

    private final double capacity;
    private final double perSecond;
    private double tokens;
    private Instant last;

    public TokenBucket(double capacity, double perSecond, Instant now) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.last = now;
    }

    public record Decision(boolean allowed, Duration retryAfter) {
    }

    public synchronized Decision tryTake(Instant now) {
        if (now.isAfter(last)) {
            double elapsed = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + elapsed * perSecond);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision(true, Duration.ZERO);
        }
        long seconds = (long) Math.ceil((1 - tokens) / perSecond);
        return new Decision(false, Duration.ofSeconds(Math.max(1, seconds)));
    }
}
