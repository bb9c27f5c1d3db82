package cn.chengxin.audit.domain;

import java.time.LocalTime;

/**
 * What makes a staff member's queries worth the auditor's look in 查询审查 (RULES.md §10 "query use registration and
 * review"; 国办发〔2016〕98号 四(一): "建立完善个人信息查询使用登记和审查制度，防止信息泄露"): more than
 * {@code subjectsPerDay} distinct people looked up by one staff member in one day, one 业务编号或案号 given for more than
 * {@code subjectsPerCase} distinct people in one department, and any query outside working hours
 * [{@code workStart}, {@code workEnd}) of the platform's day. A flag asks for a look, it proves no misuse.
 */
public record QueryReviewRule(int subjectsPerDay, int subjectsPerCase, LocalTime workStart, LocalTime workEnd) {

    public QueryReviewRule {
        if (subjectsPerDay < 1 || subjectsPerCase < 1) {
            throw new IllegalArgumentException("the review's thresholds must be at least 1: " + subjectsPerDay
                    + " a day, " + subjectsPerCase + " a case");
        }
        if (!workStart.isBefore(workEnd)) {
            throw new IllegalArgumentException("working hours must start before they end: " + workStart + "–"
                    + workEnd);
        }
    }

    /** More distinct people in one day than one staff member's duties would explain. */
    public boolean busyDay(long distinctSubjects) {
        return distinctSubjects > subjectsPerDay;
    }

    /** One 案号 standing for more people than one case would concern. */
    public boolean sharedCase(long distinctSubjects) {
        return distinctSubjects > subjectsPerCase;
    }

    /** A query at this time of the platform's day falls outside working hours. */
    public boolean outsideHours(LocalTime time) {
        return time.isBefore(workStart) || !time.isBefore(workEnd);
    }
}
