package cn.chengxin.shared.calendar;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored deadline of an open case that a proposed change of the calendar would count differently (H9 of
 * gaps-review-xxv): its window — from the day its current count started to the stored deadline — contains a changed
 * day. {@code recounted} is the same number of working days from the same start under the proposed calendar; the case's
 * history (extensions, pauses) is not replayed, as the number of working days the stored date stands for keeps them.
 * Approval does not move the stored date (the person keeps the date they were told); the list lets the handler extend.
 *
 * @param deadline which deadline: {@code OBJECTION_DUE}, {@code OBJECTION_DEPARTMENT_DUE}, {@code REPAIR_FEEDBACK_DUE},
 *                 {@code REPAIR_DECISION_DUE} (the page's label is {@code calendar.deadline.<deadline>})
 * @param path     the case's page in the console
 */
public record DeadlineRecount(String deadline, UUID caseId, String path, LocalDate start, LocalDate stored,
                              LocalDate recounted) {

    /** Whether the proposed calendar gives another date. */
    public boolean moves() {
        return !stored.equals(recounted);
    }

    /**
     * The deadline {@code stored}, counted from {@code start} with {@code current}, recounted with {@code proposed};
     * empty when its window [start, stored] contains none of the changed days [first, last].
     */
    public static Optional<LocalDate> recount(WorkingCalendar current, WorkingCalendar proposed, LocalDate start,
                                              LocalDate stored, LocalDate first, LocalDate last) {
        if (start == null || stored == null || stored.isBefore(first) || start.isAfter(last)) {
            return Optional.empty();
        }
        return Optional.of(proposed.plusWorkingDays(start, current.workingDaysBetween(start, stored)));
    }
}
