package cn.chengxin.repair.domain;

import java.time.LocalDate;

import cn.chengxin.shared.EarlierReceipt;
import cn.chengxin.shared.calendar.WorkingCalendar;

/**
 * The deadlines of a repair application in working days (RULES.md §6; 《信用修复管理办法》): the platform gives its
 * feedback within {@code feedbackDays} (10) of receipt; once a reviewer has proposed approval, the deciding authority
 * decides within {@code decisionDays} (3). An extension is recorded with its reason and moves the deadline by its
 * working days. The day of receipt does not count; a deadline never ends on a rest day.
 */
public record RepairDeadlines(int feedbackDays, int decisionDays, int maxExtensionDays) {

    private static final EarlierReceipt.Refusal EARLIER_RECEIPT_REFUSED = new EarlierReceipt.Refusal(
            "REPAIR_EARLIER_RECEIPT_DAY", "REPAIR_EARLIER_RECEIPT_REFERENCE");

    /** The national feedback period (《信用修复管理办法》, RULES.md §6): a city may be quicker, never slower. */
    public static final int NATIONAL_FEEDBACK_DAYS = 10;

    /** The national period for the deciding authority (RULES.md §6); Henan decides within 1 once conditions are met. */
    public static final int NATIONAL_DECISION_DAYS = 3;

    /**
     * The numbers are configuration (RULES.md §6; issue #8), checked when the platform starts: at least one day each;
     * neither period above the national one; the decision, which follows a first review, never given longer than the
     * feedback; an extension of at most the national feedback period.
     */
    public RepairDeadlines {
        if (feedbackDays < 1 || decisionDays < 1 || maxExtensionDays < 1) {
            throw new IllegalArgumentException("repair deadlines must each be at least 1 working day");
        }
        if (feedbackDays > NATIONAL_FEEDBACK_DAYS) {
            throw new IllegalArgumentException("feedback-days (" + feedbackDays + ") cannot exceed the national "
                    + NATIONAL_FEEDBACK_DAYS + " working days");
        }
        if (decisionDays > NATIONAL_DECISION_DAYS) {
            throw new IllegalArgumentException("decision-days (" + decisionDays + ") cannot exceed the national "
                    + NATIONAL_DECISION_DAYS + " working days");
        }
        if (decisionDays > feedbackDays) {
            throw new IllegalArgumentException("decision-days (" + decisionDays + ") cannot exceed feedback-days ("
                    + feedbackDays + ")");
        }
        if (maxExtensionDays > NATIONAL_FEEDBACK_DAYS) {
            throw new IllegalArgumentException("max-extension-days (" + maxExtensionDays + ") cannot exceed "
                    + NATIONAL_FEEDBACK_DAYS + " working days");
        }
    }

    public static RepairDeadlines defaults() {
        return new RepairDeadlines(10, 3, 10);
    }

    public LocalDate feedbackDue(WorkingCalendar calendar, LocalDate received) {
        return calendar.plusWorkingDays(received, feedbackDays);
    }

    public LocalDate decisionDue(WorkingCalendar calendar, LocalDate proposed) {
        return calendar.plusWorkingDays(proposed, decisionDays);
    }

    /**
     * A deadline after a pause from {@code pausedSince} to {@code resumed} (G8: while the record is in dispute, as an
     * objection's pause is not counted, RULES.md §5): moved by the working days in (pausedSince, resumed], so that a
     * dispute begun and ended the same day moves nothing.
     */
    public LocalDate resumed(WorkingCalendar calendar, LocalDate due, LocalDate pausedSince, LocalDate resumed) {
        int days = calendar.workingDaysBetween(pausedSince, resumed);
        return days == 0 ? due : calendar.plusWorkingDays(due, days);
    }

    /** The deadline after an extension of {@code days} working days; refused beyond {@link #maxExtensionDays()}. */
    public LocalDate extended(WorkingCalendar calendar, LocalDate due, int days) {
        if (days < 1 || days > maxExtensionDays) {
            throw new IllegalArgumentException("extension of " + days + " working days");
        }
        return calendar.plusWorkingDays(due, days);
    }

    /**
     * The old system's day of receipt a clerk gives for an application still open at the cut-over (review X7), or null
     * for none: refused after today or once its feedback deadline counted from that day has passed — it can no longer
     * be answered in time anywhere ({@code REPAIR_EARLIER_RECEIPT_*}).
     */
    public EarlierReceipt earlierReceipt(LocalDate receivedOn, String reference, LocalDate today,
                                         WorkingCalendar calendar) {
        return EarlierReceipt.of(receivedOn, reference, today, EARLIER_RECEIPT_REFUSED, day -> feedbackDue(calendar, day),
                feedbackDays + " 个工作日");
    }
}
