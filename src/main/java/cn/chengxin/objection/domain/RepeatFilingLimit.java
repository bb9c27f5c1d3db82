package cn.chengxin.objection.domain;

import java.time.Duration;

import cn.chengxin.shared.security.Actor;

/**
 * The rate limit on objections (issue #8: "the first is always recorded; repeats on the same record are merged; rate
 * limits per account"; RULES.md §5: a subject may object to any record, which is marked 异议中 at once). A first
 * objection to a record or list entry is never refused: each holds at most one open case, so first objections are
 * bounded by what the file shows, and a department's wrong batch of twelve penalties is twelve objections the person
 * must be able to file that day, in self-service or at the counter. What is limited is repeats — filings merged into a
 * case already open — by one account (the self-service account, or the clerk filing at the counter): at most
 * {@link #PER_DAY} in {@link #WINDOW}. The platform acting on its own has no account and is not limited.
 */
public final class RepeatFilingLimit {

    public static final int PER_DAY = 10;
    public static final Duration WINDOW = Duration.ofDays(1);

    private RepeatFilingLimit() {
    }

    /**
     * The account a filing is counted against: its kind and stable id (never a personal number); null for the platform
     * itself or no one.
     */
    public static String accountOf(Actor actor) {
        return switch (actor.actorKind()) {
            case STAFF, CITIZEN, API_CLIENT -> actor.actorKind().name() + ":" + actor.actorId();
            case SYSTEM, ANONYMOUS -> null;
        };
    }

    /**
     * Whether a filing is refused: only a repeat, by an account that has already filed {@link #PER_DAY} repeats within
     * the window ({@code repeatsInWindow}).
     */
    public static boolean refused(boolean repeat, String account, int repeatsInWindow) {
        return repeat && account != null && repeatsInWindow >= PER_DAY;
    }
}
