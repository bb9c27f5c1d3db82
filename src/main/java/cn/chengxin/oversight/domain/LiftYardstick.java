package cn.chengxin.oversight.domain;

import java.time.LocalDate;

import cn.chengxin.shared.calendar.WorkingCalendar;

/**
 * When the credit office counts a lift as overdue (H3; RULES.md §12: supervise the feedback on joint measures). At an
 * exit "punishment stops" (RULES.md §7), so a department told that a measure it applied is to be lifted should
 * confirm it soon. The rules set no deadline for it; the nearest they set for ending a measure is the court
 * defaulter's removal within 3 working days after performance (RULES.md §7). A lift recorded on a day and still not
 * acknowledged more than that many working days later is overdue. The number is a setting
 * ({@code chengxin.oversight.lift-acknowledgement-working-days}), {@link #DEFAULT_WORKING_DAYS} by default.
 */
public final class LiftYardstick {

    public static final int DEFAULT_WORKING_DAYS = 3;

    private LiftYardstick() {
    }

    /** The first day whose lifts are not yet overdue on {@code today}: those recorded before it are. */
    public static LocalDate overdueBefore(WorkingCalendar calendar, LocalDate today, int workingDays) {
        return FeedbackYardstick.overdueBefore(calendar, today, Math.max(0, workingDays));
    }
}
