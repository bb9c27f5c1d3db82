package cn.chengxin.account.domain;

import java.time.LocalDate;

import cn.chengxin.shared.calendar.WorkingCalendar;

/**
 * The time the credit office has to answer a 个人信息权利请求, in working days after the day it was made (the day itself
 * does not count; the deadline never ends on a rest day), counted on the platform's working-day calendar as the
 * objection deadlines are. PIPL Art. 50 asks for a convenient way and a timely answer without naming a period; 15
 * working days is the practice of GB/T 35273-2020 §8.7, and the default. The setting may only lengthen it: a shorter
 * period is kinder to the person, but the office could not keep it for a deletion or an explanation that needs the
 * providing department. At most {@link #MAX_WORKING_DAYS}, so that a mistyped value does not leave people waiting for
 * months.
 */
public record RightsRequestDeadline(int workingDays) {

    /** GB/T 35273-2020 §8.7 practice: the least the setting may give. */
    public static final int STANDARD_WORKING_DAYS = 15;

    /** About six weeks: beyond, no person would call the answer timely (PIPL Art. 50). */
    public static final int MAX_WORKING_DAYS = 30;

    public RightsRequestDeadline {
        if (workingDays < STANDARD_WORKING_DAYS || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("request-working-days (" + workingDays + ") must be "
                    + STANDARD_WORKING_DAYS + " to " + MAX_WORKING_DAYS
                    + " working days (GB/T 35273-2020 §8.7 practice; it can only be lengthened)");
        }
    }

    public static RightsRequestDeadline standard() {
        return new RightsRequestDeadline(STANDARD_WORKING_DAYS);
    }

    /** The last day to answer a request made on {@code requested}. */
    public LocalDate due(WorkingCalendar calendar, LocalDate requested) {
        return calendar.plusWorkingDays(requested, workingDays);
    }
}
