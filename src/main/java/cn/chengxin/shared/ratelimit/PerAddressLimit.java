package cn.chengxin.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;

/**
 * A limit per client ({@link ClientKeys}: IPv4 address, IPv6 /64) for a public page that must not be scraped:
 * {@code perMinute} requests within any minute, then 429 with the page's own code and how long to wait. Counted in
 * {@link LimitCounters}, in the database: every instance behind the balancer counts together (gaps-review-xxxiii N7),
 * under the page's code as the limit's name; old minutes are pruned.
 */
public final class PerAddressLimit {

    private final String code;
    private final String refusal;
    private final SharedLimit limit;

    public PerAddressLimit(LimitCounters counters, long perMinute, String code) {
        this(counters, perMinute, code, "查询过于频繁");
    }

    /** @param refusal what the refusal says before how long to wait, e.g. "核验过于频繁" */
    public PerAddressLimit(LimitCounters counters, long perMinute, String code, String refusal) {
        this.code = code;
        this.refusal = refusal;
        this.limit = new SharedLimit(counters, code, perMinute, Duration.ofMinutes(1));
    }

    /** Takes one request for {@code address}; refused with the page's code when its minute is used up. */
    public void take(String address, Instant now) {
        SharedLimit.Decision decision = limit.tryTake(ClientKeys.of(String.valueOf(address)), now);
        if (!decision.allowed()) {
            throw new CodedProblem(code, DomainProblem.Kind.TOO_MANY,
                    refusal + "，请在 " + Math.max(1, decision.retryAfter().toSeconds()) + " 秒后再试",
                    decision.retryAfter());
        }
    }
}
