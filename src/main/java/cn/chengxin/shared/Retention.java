package cn.chengxin.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * How long something a person handed in, or a report about them, is kept once its purpose is achieved (PIPL Art. 19:
 * no longer than the purpose needs; Art. 47: deleted when the retention period ends). {@code setting} names the
 * property the period comes from, so that a bad value stops the platform with its name. Counted in Beijing's calendar.
 */
public record Retention(String setting, Period period) {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);

    /** @throws IllegalArgumentException for a period that is not positive */
    public Retention {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive period, not " + period);
        }
    }

    /**
     * A retention for what a decision was based on (evidence, repair materials): it must outlast the time the person
     * may still contest the decision (行政复议 60 days, an administrative lawsuit six months, {@link AppealPeriods}),
     * or the file a court or reviewing organ asks for would be gone.
     *
     * @throws IllegalArgumentException for a period shorter than the lawsuit period
     */
    public static Retention beyondAppeals(String setting, Period period) {
        Retention retention = new Retention(setting, period);
        if (ANY_DAY.plus(period).isBefore(ANY_DAY.plusMonths(AppealPeriods.LAWSUIT_MONTHS))) {
            throw new IllegalArgumentException(setting + " (" + period + ") must be at least the "
                    + AppealPeriods.LAWSUIT_MONTHS + " months in which the decision may be contested in court");
        }
        return retention;
    }

    /** What ended (was decided, lost its validity) before this instant is past its period at {@code now}. */
    public Instant endedBefore(Instant now) {
        return now.atZone(BEIJING).minus(period).toInstant();
    }
}
