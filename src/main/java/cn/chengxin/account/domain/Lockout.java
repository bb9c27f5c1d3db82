package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The lockout rule (RULES.md §10; GB/T 22239-2019 8.1.4.1 b): five consecutive failures lock the account
 * for fifteen minutes; a success clears the count; after a lock expires, counting starts again.
 */
public record Lockout(int failedAttempts, Instant lockedUntil) {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Lockout afterFailure(Instant now) {
        int previous = lockedUntil != null && !now.isBefore(lockedUntil) ? 0 : failedAttempts;
        int failures = previous + 1;
        return failures >= MAX_FAILURES ? new Lockout(failures, now.plus(LOCK)) : new Lockout(failures, null);
    }

    public Lockout afterSuccess() {
        return new Lockout(0, null);
    }
}
