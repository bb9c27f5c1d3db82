package cn.chengxin.portal.tipoff.domain;

import java.time.Duration;
import java.time.Instant;

import cn.chengxin.shared.ratelimit.ClientKeys;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.SharedLimit;

/**
 * At most {@code limit} attempts per client ({@link ClientKeys}: IPv4 address, IPv6 /64) within any {@code window} (a
 * sliding window): the public's tip-off form stays open to everyone while one address cannot flood the credit office.
 * A refused attempt is not counted and learns how long until one is allowed (for {@code Retry-After}).
 *
 * <p>Counted in {@link LimitCounters}, in the database: every instance counts together (gaps-review-xxxiii N7).
 */
public final class AttemptLimit {

    /** The count's name in the store. */
    static final String LIMIT = "TIPOFF_ATTEMPTS";

    private final SharedLimit attempts;

    public AttemptLimit(LimitCounters counters, int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit must be at least 1 and window positive");
        }
        this.attempts = new SharedLimit(counters, LIMIT, limit, window);
    }

    /** The outcome of one attempt: allowed, or refused with the time until the next is allowed. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    public Decision tryAttempt(String client, Instant now) {
        SharedLimit.Decision decision = attempts.tryTake(ClientKeys.of(String.valueOf(client)), now);
        return new Decision(decision.allowed(), decision.retryAfter());
    }
}
