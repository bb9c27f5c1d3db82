package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When an unused staff account is flagged and when it is disabled: GB/T 22239-2019 level 3 §8.1.4.2 c) asks that
 * 多余的、过期的账户 be 及时删除或停用 (RULES.md §10). An account unused for {@code flagAfter} is marked on the users page, so
 * that its administrator can ask whether it is still needed; one unused for {@code disableAfter} is disabled by the
 * platform. An account counts from the latest of its last sign-in, its password being set and its being enabled again,
 * so that neither a new account nor one an administrator enabled again is disabled before its holder had the time to
 * use it.
 *
 * @param flagAfter    unused this long: marked 长期未登录
 * @param disableAfter unused this long: disabled; longer than {@code flagAfter}, the grace for the administrator to act
 */
public record Dormancy(Duration flagAfter, Duration disableAfter) {

    /** 90 days to the mark (as passwords age), a further 30 days of grace to the disabling. */
    public static final Dormancy DEFAULT = new Dormancy(Duration.ofDays(90), Duration.ofDays(120));

    public Dormancy {
        Objects.requireNonNull(flagAfter, "flagAfter");
        Objects.requireNonNull(disableAfter, "disableAfter");
        if (flagAfter.isNegative() || flagAfter.isZero() || disableAfter.compareTo(flagAfter) <= 0) {
            throw new IllegalArgumentException("dormancy: the mark must come after a positive time, the disabling after it");
        }
    }

    /** Unused since before this instant: marked on the users page now. */
    public Instant flagCutoff(Instant now) {
        return now.minus(flagAfter);
    }

    /** Unused since before this instant: due for disabling now. */
    public Instant disableCutoff(Instant now) {
        return now.minus(disableAfter);
    }
}
