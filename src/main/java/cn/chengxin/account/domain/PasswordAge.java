package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a staff password serves: GB/T 22239-2019 level 3 §8.1.4.1 a) asks that 身份鉴别信息 "具有复杂度要求并定期更换"
 * (RULES.md §10). A password the holder chose must be changed once it is {@code maxAge} old; a temporary one an
 * administrator set (read out or handed over, so known to two people) serves only to sign in and change it within
 * {@code temporaryLife}, after which it no longer opens the console and the administrator sets another.
 *
 * @param maxAge        the longest a password the holder chose is used before a change is required
 * @param temporaryLife how long a temporary password may still be used to sign in
 */
public record PasswordAge(Duration maxAge, Duration temporaryLife) {

    /** The platform's defaults: 90 days (the usual reading of "定期"), 72 hours for a temporary password. */
    public static final PasswordAge DEFAULT = new PasswordAge(Duration.ofDays(90), Duration.ofHours(72));

    public PasswordAge {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(temporaryLife, "temporaryLife");
        if (maxAge.isNegative() || maxAge.isZero() || temporaryLife.isNegative() || temporaryLife.isZero()) {
            throw new IllegalArgumentException("password lifetimes must be positive");
        }
    }

    /**
     * Whether a password the holder chose must now be changed. A password set before its time was kept ({@code setAt}
     * null) counts from now on: never forced at once by an upgrade.
     */
    public boolean changeDue(Instant setAt, Instant now) {
        return setAt != null && !now.isBefore(setAt.plus(maxAge));
    }

    /** Whether a temporary password set at {@code setAt} no longer signs anyone in. */
    public boolean temporaryExpired(Instant setAt, Instant now) {
        return setAt != null && !now.isBefore(setAt.plus(temporaryLife));
    }
}
