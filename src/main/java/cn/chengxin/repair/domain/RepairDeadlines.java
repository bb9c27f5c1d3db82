package cn.chengxin.repair.domain;

import java.time.LocalDate;

import cn.chengxin.shared.calendar.WorkingCalendar;

/**
 * The deadlines of a repair application in working days (RULES.md §6; 《信用修复管理办法》): the platform gives its
 * feedback within {@code feedbackDays} (10) of receipt; once a reviewer has proposed approval, the deciding authority
 * decides within {@code decisionDays} (3). An extension is recorded with its reason and moves the deadline by its
 * working days. The day of receipt does not count; a deadline never ends on a rest day.
 */
public record RepairDeadlines(int feedbackDays, int decisionDays, int maxExtensionDays) {

    public static RepairDeadlines defaults() {
        return new RepairDeadlines(10, 3, 10);
    }

    public LocalDate feedbackDue(WorkingCalendar calendar, LocalDate received) {
        return calendar.plusWorkingDays(received, feedbackDays);
    }

    public LocalDate decisionDue(WorkingCalendar calendar, LocalDate proposed) {
        return calendar.plusWorkingDays(proposed, decisionDays);
    }

    /** The deadline after an extension of {@code days} working days; refused beyond {@link #maxExtensionDays()}. */
    public LocalDate extended(WorkingCalendar calendar, LocalDate due, int days) {
        if (days < 1 || days > maxExtensionDays) {
            throw new IllegalArgumentException("extension of " + days + " working days");
        }
        return calendar.plusWorkingDays(due, days);
    }
}
