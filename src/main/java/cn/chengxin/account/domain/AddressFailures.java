package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import cn.chengxin.shared.ratelimit.ClientKeys;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.SharedLimit;

/**
 * Failed sign-ins per client address, whatever account each named (RULES.md §10; GB/T 22239-2019 8.1.4.1 b:
 * 登录失败处理、限制非法登录次数). {@link Lockout} counts per account, so a script trying one password against many
 * accounts never reaches it: from {@code threshold} failures within the last {@link #WINDOW} (a sliding window), the
 * address must answer a question ({@code HumanCheck}) before any password is checked. A success does not clear the
 * count: a script may hold one account of its own.
 *
 * <p>Counted in {@link LimitCounters}, in the database: every instance counts together (gaps-review-xxxiii N7). IPv6
 * counts by its /64 ({@link ClientKeys}).
 */
public final class AddressFailures {

    /** As long as an account's lock: a person locked out meanwhile keeps being asked, not refused. */
    public static final Duration WINDOW = Lockout.LOCK;
    /** The count's name in the store. */
    static final String LIMIT = "SIGN_IN_FAILURES";

    private final SharedLimit failures;

    /** @param threshold failures after which the address is asked the question, at least 1 */
    public AddressFailures(LimitCounters counters, int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.failures = new SharedLimit(counters, LIMIT, threshold, WINDOW);
    }

    /** Counts one failed sign-in from {@code address} at {@code now}. */
    public void failed(String address, Instant now) {
        Objects.requireNonNull(now, "now");
        failures.count(ClientKeys.of(String.valueOf(address)), now);
    }

    /** Whether the next sign-in from {@code address} at {@code now} must answer the question first. */
    public boolean challengeNeeded(String address, Instant now) {
        return failures.reached(ClientKeys.of(String.valueOf(address)), now);
    }
}
