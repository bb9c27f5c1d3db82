package cn.chengxin.oversight.domain;

import java.time.LocalDate;
import java.util.Optional;

import cn.chengxin.catalog.domain.UpdateCycle;
import cn.chengxin.shared.calendar.WorkingCalendar;

/**
 * When an item a department provides counts as overdue (逾期未报送), by the update cycle the catalogue gives it (issue
 * #4: each item has an update cycle) and the last day the platform received one of its records from that department
 * (RULES.md §12: the credit office supervises collection timeliness and completeness). Counting what arrived misses a
 * department that stops delivering one item while delivering others; silence is measured here, item by item.
 *
 * <p>How long silence may last ({@link #overdueFrom}): a daily item is overdue once more than {@link #DAILY_WORKING_DAYS}
 * working day has passed since the last delivery (weekends and holidays by the calendar), a weekly one after
 * {@link #WEEKLY_DAYS} days; a monthly, quarterly or yearly one once 1, 3 or 12 months and then
 * {@link #GRACE_WORKING_DAYS} working days have passed (the 5 working days within which RULES.md §12 has records
 * built). A real-time item (实时) is delivered as each decision is made: a quiet stretch may mean no decision, so it is
 * never overdue.
 */
public final class DeliveryCycle {

    public static final int DAILY_WORKING_DAYS = 1;
    public static final int WEEKLY_DAYS = 7;
    public static final int GRACE_WORKING_DAYS = 5;

    private DeliveryCycle() {
    }

    /**
     * The first day on which the item is overdue if nothing more arrives after {@code last} (the last delivery, or the
     * day the department was first expected to deliver); empty for a cycle that is never overdue.
     */
    public static Optional<LocalDate> overdueFrom(UpdateCycle cycle, LocalDate last, WorkingCalendar calendar) {
        return Optional.ofNullable(switch (cycle) {
            case REAL_TIME -> null;
            // More than one working day old: overdue from the second working day after it.
            case DAILY -> calendar.plusWorkingDays(last, DAILY_WORKING_DAYS + 1);
            case WEEKLY -> last.plusDays(WEEKLY_DAYS + 1);
            case MONTHLY -> afterGrace(last.plusMonths(1), calendar);
            case QUARTERLY -> afterGrace(last.plusMonths(3), calendar);
            case YEARLY -> afterGrace(last.plusYears(1), calendar);
        });
    }

    /** Whether the item is overdue on {@code today}: {@code today} is on or after {@link #overdueFrom}. */
    public static boolean overdue(UpdateCycle cycle, LocalDate last, LocalDate today, WorkingCalendar calendar) {
        return overdueFrom(cycle, last, calendar).filter(from -> !today.isBefore(from)).isPresent();
    }

    private static LocalDate afterGrace(LocalDate due, WorkingCalendar calendar) {
        return calendar.plusWorkingDays(due, GRACE_WORKING_DAYS).plusDays(1);
    }
}
