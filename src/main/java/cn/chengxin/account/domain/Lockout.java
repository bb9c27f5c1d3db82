package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The login-failure state of one account: GB/T 22239-2019 level 3 §8.1.4.1 b) requires "登录失败处理功能 …
 * 限制非法登录次数". The {@link #MAX_FAILURES}th consecutive failure locks the account for {@link #LOCK};
 * while locked no password is checked; after the lock expires the count starts again, so the next failure
 * is the first. A success resets everything.
 *
 * <p>An immutable value computed from the stored state and the time passed in, so the rule is tested
 * without clocks or a database.
 *
 * @param failures    consecutive failures so far (kept at {@link #MAX_FAILURES} while locked)
 * @param lockedUntil end of the lock, exclusive; {@code null} if the account was never locked since the last
 *                    success or expiry
 */
public record Lockout(int failures, Instant lockedUntil) {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    /** An account with no failures. */
    public static final Lockout NONE = new Lockout(0, null);

    public Lockout {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
    }

    /** Whether a login attempt at {@code now} must be refused without checking the password. */
    public boolean isLocked(Instant now) {
        Objects.requireNonNull(now, "now");
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Whether a sign-in at {@code now} is refused without its password being checked: while locked, unless the
     * sign-in answered the question its form asks ({@code HumanCheck}) first (I5, RULES.md §10). Otherwise a
     * stranger who knows a name or phone number could keep its holder out at will, five wrong passwords a quarter
     * hour; the question costs a script one more step per guess, and its address's limit still caps the guesses. A
     * wrong password then changes nothing ({@link #afterFailure}).
     */
    public boolean refusesUnchecked(Instant now, boolean challengeSolved) {
        return isLocked(now) && !challengeSolved;
    }

    /** How long the lock still lasts at {@code now}; zero if not locked. */
    public Duration remaining(Instant now) {
        return isLocked(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
    }

    /**
     * The state after a wrong password at {@code now}. A failure reported while still locked changes
     * nothing (the lock is neither extended nor counted): the caller should not have checked the password.
     */
    public Lockout afterFailure(Instant now) {
        if (isLocked(now)) {
            return this;
        }
        int counted = lockedUntil == null ? failures + 1 : 1;
        if (counted >= MAX_FAILURES) {
            return new Lockout(MAX_FAILURES, now.plus(LOCK));
        }
        return new Lockout(counted, null);
    }

    /**
     * The state after the right password, given to a locked account after the question was answered, where a second
     * step follows (the staff's authenticator code): the lock is lifted, but one wrong code locks the account again. A
     * full count would let someone who has the password, but not the authenticator, guess five codes for each
     * question answered.
     */
    public Lockout afterChallengeSolved() {
        return new Lockout(MAX_FAILURES - 1, null);
    }

    /** The state after a correct login: no failures, no lock. Check {@link #isLocked} first. */
    public Lockout afterSuccess() {
        return NONE;
    }
}
