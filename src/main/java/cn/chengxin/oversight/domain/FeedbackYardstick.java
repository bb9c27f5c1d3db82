package cn.chengxin.oversight.domain;

import java.time.LocalDate;
import java.util.function.Function;

import cn.chengxin.shared.calendar.WorkingCalendar;

/**
 * When the credit office counts feedback on a joint measure as overdue (RULES.md §12: supervise the feedback on joint
 * measures). RULES.md §7 asks departments to feed back each hit but sets no deadline, so supervision measures
 * against the nearest deadline the rules set for platform feedback, 10 working days (RULES.md §6): a check still owing
 * feedback more than {@link #WORKING_DAYS} working days after the day it was made is overdue.
 */
public final class FeedbackYardstick {

    public static final int WORKING_DAYS = 10;

    private FeedbackYardstick() {
    }

    /** The first day whose checks are not yet overdue on {@code today}: those made before it are. */
    public static LocalDate overdueBefore(WorkingCalendar calendar, LocalDate today) {
        return overdueBefore(made -> calendar, today);
    }

    /**
     * As {@link #overdueBefore(WorkingCalendar, LocalDate)}, each check's period counted with {@code calendarFrom} the
     * day it was made: the calendar as it was known then (H9 of gaps-review-xxv), so that a later correction of a past
     * day does not make old checks overdue or in time again.
     */
    public static LocalDate overdueBefore(Function<LocalDate, WorkingCalendar> calendarFrom, LocalDate today) {
        return overdueBefore(calendarFrom, today, WORKING_DAYS);
    }

    /**
     * The first day whose cases are not yet overdue on {@code today} when each has {@code workingDays} working days
     * after its day: those of days before it are.
     */
    static LocalDate overdueBefore(WorkingCalendar calendar, LocalDate today, int workingDays) {
        return overdueBefore(made -> calendar, today, workingDays);
    }

    private static LocalDate overdueBefore(Function<LocalDate, WorkingCalendar> calendarFrom, LocalDate today,
                                           int workingDays) {
        LocalDate day = today;
        // Step back while a case of the day before would still be in time today (its last day not yet passed).
        while (!calendarFrom.apply(day.minusDays(1)).plusWorkingDays(day.minusDays(1), workingDays).isBefore(today)) {
            day = day.minusDays(1);
        }
        return day;
    }
}
