package cn.chengxin.objection.domain;

import java.time.LocalDate;

import cn.chengxin.shared.calendar.WorkingCalendar;

/**
 * The deadlines of an objection in working days (RULES.md §5; Henan Art. 41): decided by the platform alone within
 * {@code platformDays} (3) of receipt; when the providing department must verify, it answers within
 * {@code departmentDays} (3) of being asked and the case closes within {@code withDepartmentDays} (7) of receipt.
 * The day of receipt does not count; a deadline never ends on a rest day.
 */
public record ObjectionDeadlines(int platformDays, int departmentDays, int withDepartmentDays) {

    public static ObjectionDeadlines defaults() {
        return new ObjectionDeadlines(3, 3, 7);
    }

    public LocalDate platformDue(WorkingCalendar calendar, LocalDate received) {
        return calendar.plusWorkingDays(received, platformDays);
    }

    public LocalDate departmentAnswerDue(WorkingCalendar calendar, LocalDate routed) {
        return calendar.plusWorkingDays(routed, departmentDays);
    }

    public LocalDate withDepartmentDue(WorkingCalendar calendar, LocalDate received) {
        return calendar.plusWorkingDays(received, withDepartmentDays);
    }
}
