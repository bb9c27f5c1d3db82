package cn.chengxin.measures;

import java.time.Clock;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.ratelimit.BudgetLeases;
import cn.chengxin.shared.ratelimit.InstanceShare;
import cn.chengxin.shared.ratelimit.SharedBudget;
import cn.chengxin.shared.ratelimit.TokenBucket;
import cn.chengxin.shared.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many subjects a client may check a minute, whether one at a time or in batches (RULES.md §10: least privilege;
 * gaps-review-xxv H4). The key's request rate counts requests, and a batch of 10,000 subjects is one request: without
 * this a key at 600 requests a minute could screen millions of people a minute. Each subject checked takes one token
 * from the client's bucket of subjects: a single check one, a batch as many as it names; a batch the bucket cannot
 * pay now is refused whole, 429 CHECK_BUDGET_EXHAUSTED with Retry-After, and checks nothing. The budget is
 * {@code chengxin.measures.check-subjects-per-minute} (12,000 by default), and never less than the key's own request
 * rate, so that single checks are limited by that rate alone, as the two administrators set it.
 *
 * <p>One budget across the instances behind the balancer (gaps-review-xxxiii N7): the bucket is kept in the database
 * and each instance spends slices of it leased with one statement ({@link SharedBudget}), so a client kept on one
 * instance gets its whole budget and the instances together never check more than it; a check paid from the slice an
 * instance holds costs no round trip. While the database cannot be reached, each instance keeps its share
 * ({@code chengxin.cluster.instances}).
 *
 * <p>Never less than a whole batch ({@link Checks#MAX_BATCH}): issue #5 promises that a batch checks up to 10,000
 * subjects in one call, and a budget below it would refuse such a batch every minute with a Retry-After that never
 * helps (gaps-review-xxviii J2). So a batch always fits a full minute's budget, and waiting always lets it through.
 */
@Component
class CheckBudget {

    /**
     * The refusal's code: a limit of its own, told apart from the key's request rate (RATE_LIMITED) because its wait
     * is of another kind, a minute's refill rather than a fraction of a second (gaps review xxxvii R9).
     */
    static final String EXHAUSTED = "CHECK_BUDGET_EXHAUSTED";

    /** The budget's rows in shared.budget. */
    static final String LIMIT = "measures.check-subjects";

    private final long perMinute;
    private final SharedBudget shared;

    CheckBudget(@Value("${chengxin.measures.check-subjects-per-minute:12000}") long perMinute,
                @Value("${chengxin.cluster.instances:1}") int instances, BudgetLeases leases, Clock clock) {
        if (perMinute < Checks.MAX_BATCH) {
            throw new IllegalArgumentException("chengxin.measures.check-subjects-per-minute must be at least "
                    + Checks.MAX_BATCH + ", the largest batch a department may send in one call");
        }
        this.perMinute = perMinute;
        this.shared = new SharedBudget(LIMIT, leases, new InstanceShare(instances), clock);
    }

    /** The subjects {@code caller} may check a minute. */
    long perMinuteOf(Actor caller) {
        return caller instanceof ApiClientPrincipal client ? Math.max(perMinute, client.ratePerMinute()) : perMinute;
    }

    /**
     * Takes {@code subjects} from the caller's budget, or refuses.
     *
     * @param subjects at most {@link Checks#MAX_BATCH}, which a minute's budget always pays
     * @throws MeasuresProblem CHECK_BUDGET_EXHAUSTED (429, with how long to wait) when the budget left cannot pay for them now
     */
    void take(Actor caller, int subjects) {
        long budget = perMinuteOf(caller);
        // A minute's budget, and never less than a whole batch (J2).
        TokenBucket.Decision decision = shared.take(caller.actorId(), budget, Checks.MAX_BATCH, subjects);
        if (!decision.allowed()) {
            throw new MeasuresProblem(EXHAUSTED, DomainProblem.Kind.TOO_MANY,
                    "本系统每分钟可核查 " + budget + " 个主体，已用尽；请在 " + decision.retryAfter().toSeconds()
                            + " 秒后重试", decision.retryAfter());
        }
    }
}
