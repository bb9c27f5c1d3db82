package cn.chengxin.scoring.domain;

import java.time.LocalDate;

import cn.chengxin.shared.calendar.WorkingCalendar;

/**
 * The time the credit office has to answer a request for human review of a score, in working days after the day of
 * the request (configuration, {@code chengxin.scoring.review-working-days}). RULES.md names no deadline for it; the
 * default is that of an objection the platform decides alone (RULES.md §5: 3 working days), which is what a review
 * is: the credit office alone looks again at what it computed. No value may give a request longer than the 20-day
 * ceiling of any objection (征信业管理条例 Art. 25): at most 14 working days, and whatever the configured number, a
 * request is due by the last working day within 20 calendar days of it — a long holiday (春节, 国庆) can make 14
 * working days span more than 20 calendar days, and the ceiling counts calendar days.
 */
public record ReviewDeadline(int workingDays) {

    public static final int MAX_WORKING_DAYS = 14;

    /** 征信业管理条例 Art. 25: the calendar days within which any objection, and so a review, is answered. */
    public static final int CEILING_DAYS = 20;

    public ReviewDeadline {
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("review-working-days (" + workingDays + ") must be 1 to "
                    + MAX_WORKING_DAYS + " working days (within the 20-day ceiling, 征信业管理条例 Art. 25)");
        }
    }

    /**
     * The last day to answer a request made on {@code requested}: never a rest day, and never beyond the last working
     * day within {@link #CEILING_DAYS} calendar days of the request.
     */
    public LocalDate due(WorkingCalendar calendar, LocalDate requested) {
        LocalDate due = calendar.plusWorkingDays(requested, workingDays);
        LocalDate ceiling = requested.plusDays(CEILING_DAYS);
        while (!calendar.isWorkingDay(ceiling) && ceiling.isAfter(requested)) {
            ceiling = ceiling.minusDays(1);
        }
        return due.isAfter(ceiling) ? ceiling : due;
    }
}
