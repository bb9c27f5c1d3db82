package cn.chengxin.oversight.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import cn.chengxin.shared.calendar.WorkingCalendar;

/**
 * How timely a department's records reached the platform (RULES.md §12: records built within 5 working days): from
 * each decision's date to the day the platform received it, the median in calendar days and how many arrived within
 * {@link #DEADLINE_WORKING_DAYS} working days of the decision by the calendar (the decision day does not count, as in
 * every deadline in working days). Computed from counts per (decision date, day received), never from single records.
 * Each delay is judged by the calendar as it was known when its count began (H9 of gaps-review-xxv): a holiday
 * approved later for a past month, as a correction, does not turn late deliveries into timely ones.
 */
public record CollectionTimeliness(long records, Long medianDays, long withinDeadline) {

    public static final int DEADLINE_WORKING_DAYS = 5;

    /** {@code records} decided on {@code decided} and received on {@code received}. */
    public record Delay(LocalDate decided, LocalDate received, long records) {
    }

    /** Five working days never span more than this many calendar days, even across the longest holiday. */
    private static final long LONGEST_SPAN = 31;

    public static CollectionTimeliness of(List<Delay> delays, WorkingCalendar calendar) {
        return of(delays, decided -> calendar);
    }

    /** {@code calendarFrom}: the calendar a deadline counted from a decision date is judged by. */
    public static CollectionTimeliness of(List<Delay> delays, Function<LocalDate, WorkingCalendar> calendarFrom) {
        List<Delay> sorted = new ArrayList<>(delays);
        sorted.sort(Comparator.comparingLong(CollectionTimeliness::days));
        long records = sorted.stream().mapToLong(Delay::records).sum();
        if (records == 0) {
            return new CollectionTimeliness(0, null, 0);
        }
        // The lower median: the day count of the record in the middle (of two, the earlier).
        long middle = (records + 1) / 2;
        long seen = 0;
        Long median = null;
        long within = 0;
        for (Delay d : sorted) {
            seen += d.records();
            if (median == null && seen >= middle) {
                median = days(d);
            }
            if (inTime(d, calendarFrom.apply(d.decided()))) {
                within += d.records();
            }
        }
        return new CollectionTimeliness(records, median, within);
    }

    /** Records received within the deadline, in whole percent of the records, rounded down; null without records. */
    public Integer withinPercent() {
        return records == 0 ? null : (int) (withinDeadline * 100 / records);
    }

    private static long days(Delay d) {
        return ChronoUnit.DAYS.between(d.decided(), d.received());
    }

    private static boolean inTime(Delay d, WorkingCalendar calendar) {
        long days = days(d);
        if (days <= 0) {
            return true; // received on the day of the decision (or dated ahead of it): nothing is late
        }
        return days <= LONGEST_SPAN && calendar.workingDaysBetween(d.decided(), d.received()) <= DEADLINE_WORKING_DAYS;
    }
}
