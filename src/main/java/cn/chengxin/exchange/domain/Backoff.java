package cn.chengxin.exchange.domain;

import java.time.Duration;

/**
 * How long to wait before pushing to a partner again after failures in a row: doubling from two seconds up to ten
 * minutes, so that a partner down for an hour is tried a few dozen times, not thousands, and gets its queue within
 * ten minutes of coming back.
 */
public final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofMinutes(10);

    private Backoff() {
    }

    public static Duration after(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 1, 20);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
