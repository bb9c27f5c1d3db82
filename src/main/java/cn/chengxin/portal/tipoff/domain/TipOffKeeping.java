package cn.chengxin.portal.tipoff.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/**
 * How long a closed tip-off keeps the allegation and the reporter (I7; RULES.md §10): personal information is kept no
 * longer than its purpose needs and deleted once the purpose is achieved (PIPL Art. 19, Art. 47). A tip-off's purpose
 * ends when it is closed (rejected or resolved: {@link TipOffStatus#next()} is empty); the period after that leaves
 * time for a reconsideration, a complaint or a related case. Counted in Beijing's calendar from the closing.
 */
public final class TipOffKeeping {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Period period;

    /** @throws IllegalArgumentException for a period that is not positive */
    public TipOffKeeping(Period period) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("chengxin.tipoff.retention must be a positive period, not " + period);
        }
        this.period = period;
    }

    public Period period() {
        return period;
    }

    /** Tip-offs closed before this instant are past their period at {@code now}. */
    public Instant closedBefore(Instant now) {
        return now.atZone(BEIJING).minus(period).toInstant();
    }
}
