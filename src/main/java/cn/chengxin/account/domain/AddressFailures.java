package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.shared.ratelimit.ClientKeys;

/**
 * Failed sign-ins per client address, whatever account each named (RULES.md §10; GB/T 22239-2019 8.1.4.1 b:
 * 登录失败处理、限制非法登录次数). {@link Lockout} counts per account, so a script trying one password against many
 * accounts never reaches it: from {@code threshold} failures within {@link #WINDOW} of the first, the address must
 * answer a question ({@code HumanCheck}) before any password is checked, until the window ends. A success does not
 * clear the count: a script may hold one account of its own.
 *
 * <p>Per instance and in memory, as the per-address limits are; bounded under a flood of addresses (IPv6 counts by
 * its /64, {@link ClientKeys}).
 */
public final class AddressFailures {

    /** As long as an account's lock: a person locked out meanwhile keeps being asked, not refused. */
    public static final Duration WINDOW = Lockout.LOCK;
    private static final int MAX_ADDRESSES = 100_000;

    private record Count(int failures, Instant since) {
    }

    private final int threshold;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    /** @param threshold failures after which the address is asked the question, at least 1 */
    public AddressFailures(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    /** Counts one failed sign-in from {@code address} at {@code now}. */
    public void failed(String address, Instant now) {
        Objects.requireNonNull(now, "now");
        if (counts.size() > MAX_ADDRESSES) {
            counts.clear();
        }
        counts.compute(ClientKeys.of(String.valueOf(address)), (key, count) -> count == null || expired(count, now)
                ? new Count(1, now) : new Count(count.failures() + 1, count.since()));
    }

    /** Whether the next sign-in from {@code address} at {@code now} must answer the question first. */
    public boolean challengeNeeded(String address, Instant now) {
        Count count = counts.get(ClientKeys.of(String.valueOf(address)));
        return count != null && !expired(count, now) && count.failures() >= threshold;
    }

    private static boolean expired(Count count, Instant now) {
        return !now.isBefore(count.since().plus(WINDOW));
    }
}
