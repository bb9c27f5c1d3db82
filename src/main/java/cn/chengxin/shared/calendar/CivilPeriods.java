package cn.chengxin.shared.calendar;

import java.time.LocalDate;

/**
 * The last day of a period counted in months or years, as the law counts it (《民法典》第二百零一条：the day the period
 * begins on is not counted, the count starts the next day; 第二百零二条：the period ends on the corresponding day of its
 * last month, or on that month's last day when it has none). Twelve months from 2025-03-10 end on 2026-03-10, three
 * months from 2025-11-30 on 2026-02-28. Counting the start day itself, as {@code plusMonths(n).minusDays(1)} did,
 * ends every period a day early: three months from 28, 29 or 30 November all on 27 February.
 */
public final class CivilPeriods {

    private CivilPeriods() {
    }

    /** The last day of {@code months} months from {@code start}; {@code null} months: no end (long-term). */
    public static LocalDate lastDayOfMonths(LocalDate start, Integer months) {
        return months == null ? null : start.plusMonths(months);
    }

    /** The last day of {@code years} years from {@code start}; {@code null} years: no end (long-term). */
    public static LocalDate lastDayOfYears(LocalDate start, Integer years) {
        return years == null ? null : start.plusYears(years);
    }
}
