package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.ratelimit.TokenBucket;
import cn.chengxin.shared.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many subjects a client may check a minute, whether one at a time or in batches (RULES.md §10: least privilege;
 * gaps-review-xxv H4). The key's request rate counts requests, and a batch of 10,000 subjects is one request: without
 * this a key at 600 requests a minute could screen millions of people a minute. Each subject checked takes one token
 * from the client's bucket of subjects: a single check one, a batch as many as it names; a batch the bucket cannot
 * pay now is refused whole, 429 RATE_LIMITED with Retry-After, and checks nothing. The budget is
 * {@code chengxin.measures.check-subjects-per-minute} (6,000 by default), and never less than the key's own request
 * rate, so that single checks are limited by that rate alone, as the two administrators set it. Per instance, as the
 * request rate is.
 */
@Component
class CheckBudget {

    /** A client's burst: a minute's budget. */
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final long perMinute;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    CheckBudget(@Value("${chengxin.measures.check-subjects-per-minute:6000}") long perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("chengxin.measures.check-subjects-per-minute must be at least 1");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** The subjects {@code caller} may check a minute. */
    long perMinuteOf(Actor caller) {
        return caller instanceof ApiClientPrincipal client ? Math.max(perMinute, client.ratePerMinute()) : perMinute;
    }

    /**
     * Takes {@code subjects} from the caller's budget, or refuses.
     *
     * @throws MeasuresProblem RATE_LIMITED (429, with how long to wait) when the budget left cannot pay for them now;
     *                         a batch larger than a whole minute's budget is refused too, asking to split it
     */
    void take(Actor caller, int subjects) {
        long budget = perMinuteOf(caller);
        if (subjects > budget) {
            throw new MeasuresProblem("RATE_LIMITED", DomainProblem.Kind.TOO_MANY,
                    "一批 " + subjects + " 个主体超过本系统每分钟可核查的 " + budget + " 个主体，请分批提交", WINDOW);
        }
        TokenBucket.Decision decision = buckets.computeIfAbsent(caller.actorId() + "/" + budget,
                id -> new TokenBucket(budget, budget / 60.0)).tryTake(clock.instant(), subjects);
        if (!decision.allowed()) {
            throw new MeasuresProblem("RATE_LIMITED", DomainProblem.Kind.TOO_MANY,
                    "本系统每分钟可核查 " + budget + " 个主体，已用尽；请在 " + decision.retryAfter().toSeconds()
                            + " 秒后重试", decision.retryAfter());
        }
    }
}
