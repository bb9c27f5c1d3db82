package cn.chengxin.objection.domain;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.shared.EarlierReceipt;
import cn.chengxin.shared.calendar.WorkingCalendar;

/**
 * The deadlines of an objection in working days (RULES.md §5; Henan Art. 41): decided by the platform alone within
 * {@code platformDays} (3) of receipt; when the providing department must verify, it answers within
 * {@code departmentDays} (3) of being asked and the case closes within {@code withDepartmentDays} (7) of receipt.
 * The day of receipt does not count; a deadline never ends on a rest day. Working days of a pause (testing, expert
 * review) are not counted, but no case outlasts {@code ceilingDays} (20) calendar days from receipt
 * (征信业管理条例 Art. 25): the ceiling ends on the last working day within them. Information whose legal basis was
 * revoked is withdrawn within {@code withdrawalDays} (1) of the notice (Henan Art. 42), sooner than any of these.
 */
public record ObjectionDeadlines(int platformDays, int departmentDays, int withDepartmentDays, int ceilingDays,
                                 int withdrawalDays) {

    private static final EarlierReceipt.Refusal EARLIER_RECEIPT_REFUSED = new EarlierReceipt.Refusal(
            "OBJECTION_EARLIER_RECEIPT_DAY", "OBJECTION_EARLIER_RECEIPT_REFERENCE");

    /** 征信业管理条例 Art. 25: an objection is answered within 20 days; no configuration may give a case longer. */
    public static final int STATUTORY_CEILING_DAYS = 20;

    /**
     * The numbers are configuration (RULES.md §5: "defaults; configurable"; issue #8), checked when the platform starts
     * so that a mistyped value never reaches a case: each at least one day; a case routed to its department closes no
     * sooner than one the platform decides alone, and its department answers within it; a revoked basis is withdrawn no
     * later than a case would be decided; the ceiling is never above the statutory 20 days, and the longest working-day
     * deadline fits under it at five working days a week.
     */
    public ObjectionDeadlines {
        if (platformDays < 1 || departmentDays < 1 || withDepartmentDays < 1 || ceilingDays < 1
                || withdrawalDays < 1) {
            throw new IllegalArgumentException("objection deadlines must each be at least 1 day");
        }
        if (platformDays > withDepartmentDays) {
            throw new IllegalArgumentException("platform-days (" + platformDays
                    + ") cannot exceed with-department-days (" + withDepartmentDays + ")");
        }
        if (departmentDays > withDepartmentDays) {
            throw new IllegalArgumentException("department-days (" + departmentDays
                    + ") cannot exceed with-department-days (" + withDepartmentDays + ")");
        }
        if (withdrawalDays > platformDays) {
            throw new IllegalArgumentException("withdrawal-days (" + withdrawalDays
                    + ") cannot exceed platform-days (" + platformDays + ")");
        }
        if (ceilingDays > STATUTORY_CEILING_DAYS) {
            throw new IllegalArgumentException("ceiling-days (" + ceilingDays + ") cannot exceed the statutory "
                    + STATUTORY_CEILING_DAYS + " days (征信业管理条例 Art. 25)");
        }
        if (withDepartmentDays > ceilingDays * 5 / 7) {
            throw new IllegalArgumentException("with-department-days (" + withDepartmentDays
                    + " working days) does not fit within ceiling-days (" + ceilingDays + " calendar days)");
        }
    }

    public static ObjectionDeadlines defaults() {
        return new ObjectionDeadlines(3, 3, 7, 20, 1);
    }

    /**
     * The last day to decide a case once the platform is told, on {@code noticed}, that the record's legal basis was
     * revoked (Henan Art. 42): {@code withdrawalDays} later, or the case's own deadline {@code due} when that is
     * sooner — a notice never gives a case more time.
     */
    public LocalDate withdrawalDue(WorkingCalendar calendar, LocalDate noticed, LocalDate due) {
        LocalDate withdrawal = calendar.plusWorkingDays(noticed, withdrawalDays);
        return due != null && due.isBefore(withdrawal) ? due : withdrawal;
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

    /** A case's deadlines: its own, and its department's answer (null while the case is not routed). */
    public record Due(LocalDate caseDue, LocalDate departmentDue) {
    }

    /**
     * The deadlines of a case received on {@code received} and routed on {@code routedOn} (null: not routed), moved by
     * its pauses, capped at the ceiling (RULES.md §5; Henan Art. 41). Decided by the platform alone, the case is due
     * {@code platformDays} after receipt; routed, {@code withDepartmentDays} after receipt, and its department answers
     * {@code departmentDays} after routing — but by the working day before the case is due at the latest, which the
     * credit office keeps to decide on the answer: the department's 3 days serve the case's 7, never outlast them.
     * Routing is allowed only up to the platform's own deadline ({@link #routable}), so it never re-bases a case
     * already overdue.
     */
    public Due due(WorkingCalendar calendar, LocalDate received, LocalDate routedOn, List<ObjectionPause> pauses) {
        LocalDate base = routedOn == null ? platformDue(calendar, received) : withDepartmentDue(calendar, received);
        LocalDate caseDue = paused(calendar, base, pauses, received, received);
        if (routedOn == null) {
            return new Due(caseDue, null);
        }
        LocalDate answer = paused(calendar, departmentAnswerDue(calendar, routedOn), pauses, routedOn, received);
        LocalDate latest = workingDayBefore(calendar, caseDue);
        if (latest.isBefore(routedOn)) {
            latest = routedOn;
        }
        return new Due(caseDue, answer.isAfter(latest) ? latest : answer);
    }

    /**
     * Whether a case still decided by the platform alone, due {@code platformDue}, may be routed to its department on
     * {@code today}: up to and on that deadline, not after it (RULES.md §5; Henan Art. 41). Routing gives the case the
     * longer deadline for verification; given to a case already overdue it would make it "in time" again, in the
     * office's queue and in the supervision figures (RULES.md §12).
     */
    public static boolean routable(LocalDate today, LocalDate platformDue) {
        return !today.isAfter(platformDue);
    }

    private static LocalDate workingDayBefore(WorkingCalendar calendar, LocalDate day) {
        LocalDate d = day.minusDays(1);
        for (int i = 0; i < 366 && !calendar.isWorkingDay(d); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The last day any case received on {@code received} may take, pauses or not: never later, never a rest day. */
    public LocalDate ceiling(WorkingCalendar calendar, LocalDate received) {
        LocalDate d = received.plusDays(ceilingDays);
        while (!calendar.isWorkingDay(d) && d.isAfter(received)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /**
     * {@code due} moved by the working days paused after {@code since} (a day covered by two pauses counts once),
     * capped at the ceiling for a case received on {@code received}.
     */
    public LocalDate paused(WorkingCalendar calendar, LocalDate due, List<ObjectionPause> pauses, LocalDate since,
                            LocalDate received) {
        LocalDate moved = calendar.plusWorkingDays(due, pausedWorkingDays(calendar, pauses, since));
        LocalDate ceiling = ceiling(calendar, received);
        return moved.isAfter(ceiling) ? ceiling : moved;
    }

    /** Working days in any of the pauses, counted from the day after {@code since}. */
    static int pausedWorkingDays(WorkingCalendar calendar, List<ObjectionPause> pauses, LocalDate since) {
        LocalDate last = pauses.stream().map(ObjectionPause::until).max(LocalDate::compareTo).orElse(since);
        int days = 0;
        for (LocalDate d = since.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            LocalDate day = d;
            if (calendar.isWorkingDay(day) && pauses.stream().anyMatch(p -> p.covers(day))) {
                days++;
            }
        }
        return days;
    }

    /**
     * The old system's day of receipt a clerk gives for a case still open at the cut-over (review X7), or null for none:
     * refused after today or once the case's {@link #ceiling} has passed ({@code OBJECTION_EARLIER_RECEIPT_*}).
     */
    public EarlierReceipt earlierReceipt(LocalDate receivedOn, String reference, LocalDate today,
                                         WorkingCalendar calendar) {
        return EarlierReceipt.of(receivedOn, reference, today, EARLIER_RECEIPT_REFUSED, day -> ceiling(calendar, day),
                ceilingDays + " 日");
    }
}
