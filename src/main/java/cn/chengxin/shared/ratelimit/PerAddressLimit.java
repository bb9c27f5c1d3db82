package cn.chengxin.shared.ratelimit;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;

/**
 * A {@link TokenBucket} per client ({@link ClientKeys}: IPv4 address, IPv6 /64) for a public page that must not be
 * scraped: {@code perMinute} requests, then 429 with the page's own code and how long to wait. Memory stays bounded
 * under a flood of addresses. Per instance.
 */
public final class PerAddressLimit {

    private static final int MAX_ADDRESSES = 100_000;

    private final long perMinute;
    private final String code;
    private final String refusal;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public PerAddressLimit(long perMinute, String code) {
        this(perMinute, code, "查询过于频繁");
    }

    /** @param refusal what the refusal says before how long to wait, e.g. "核验过于频繁" */
    public PerAddressLimit(long perMinute, String code, String refusal) {
        this.perMinute = perMinute;
        this.code = code;
        this.refusal = refusal;
    }

    /** Takes one request for {@code address}; refused with the page's code when its bucket is empty. */
    public void take(String address, Instant now) {
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.clear();
        }
        TokenBucket.Decision decision = buckets.computeIfAbsent(ClientKeys.of(address),
                a -> new TokenBucket(perMinute, perMinute / 60.0)).tryTake(now);
        if (!decision.allowed()) {
            throw new CodedProblem(code, DomainProblem.Kind.TOO_MANY,
                    refusal + "，请在 " + Math.max(1, decision.retryAfter().toSeconds()) + " 秒后再试",
                    decision.retryAfter());
        }
    }
}
