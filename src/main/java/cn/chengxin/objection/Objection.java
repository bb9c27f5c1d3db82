package cn.chengxin.objection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.objection.domain.DepartmentAnswer;
import cn.chengxin.objection.domain.ObjectionStatus;
import cn.chengxin.objection.domain.Omission;
import cn.chengxin.objection.domain.Outcome;

/**
 * 异议: against one record of the subject's file, one list entry about them, or one list entry another platform issued
 * about them ({@code receivedEntry}: its key, {@code ReceivedEntry.key()}), with its deadline and, once decided, its
 * outcome and reasons; or that a record is missing ({@code omission}: 信息遗漏, naming the item and the department that
 * should have provided it, K8 of gaps-review-xxix). {@code earlierReference}: the old system's case number (原系统案卷号)
 * of a case it received before the cut-over, whose {@code receivedOn} is that system's day (review X7); null otherwise.
 */
public record Objection(UUID id, UUID subjectId, UUID recordKey, String itemCode, String departmentCode,
                        String reasons, String filedBy, Instant filedAt, int repeats, ObjectionStatus status,
                        LocalDate dueOn, Instant routedAt, LocalDate departmentDue, Outcome outcome,
                        String outcomeReasons, String decidedBy, Instant decidedAt, int version, Answer answer,
                        LocalDate receivedOn, LocalDate remindedFor, Instant escalatedAt,
                        UUID reviewOf, UUID entryId, String receivedEntry, Omission omission,
                        String earlierReference) {

    /** Against a list entry rather than a record. */
    public boolean againstEntry() {
        return entryId != null;
    }

    /**
     * Against a list entry another platform issued (or the court's list loaded here): the case is recorded here and
     * forwarded to the issuer, which alone can change the entry (RULES.md §5, §11); its department code names the
     * issuing platform.
     */
    public boolean againstReceived() {
        return receivedEntry != null;
    }

    /**
     * That a record is missing from the file (信息遗漏, RULES.md §5): no record is contested or marked; the case is
     * decided as 补充 once the department submitted the record, or as 维持.
     */
    public boolean againstOmission() {
        return omission != null;
    }

    /**
     * The message key of {@code x} as this case's outcome: an omission's 维持 reads 不予补充 ({@link Omission#outcomeKey}).
     */
    public String outcomeKey(Outcome x) {
        return againstOmission() ? Omission.outcomeKey(x) : "objections.outcome." + x.name();
    }

    /** The message key of the outcome decided (null while open). */
    public String outcomeKey() {
        return outcome == null ? null : outcomeKey(outcome);
    }

    /** The outcome decided as its Chinese text, as the services word a notice. */
    public String outcomeLabel() {
        return againstOmission() ? Omission.outcomeLabel(outcome) : outcome.label();
    }

    /** A review (复核) of an earlier decision on the same record. */
    public boolean review() {
        return reviewOf != null;
    }

    /** Escalated to the credit office because its deadline passed (RULES.md §5). */
    public boolean escalated() {
        return escalatedAt != null;
    }

    /** The handler was reminded of the deadline now in force (one working day before it). */
    public boolean reminded() {
        return remindedFor != null && remindedFor.equals(dueOn);
    }

    /** The providing department's answer to a routed case (null until it answered). */
    public record Answer(DepartmentAnswer answer, String corrections, String reasons, String by, Instant at) {
    }

    /** Whether the department answered after its 3 working days (RULES.md §5); the lateness is shown, not refused. */
    public boolean answeredLate() {
        return answer != null && departmentDue != null && answer.at() != null
                && LocalDate.ofInstant(answer.at(), java.time.ZoneId.of("Asia/Shanghai")).isAfter(departmentDue);
    }

    /** Whether the department still owes its answer and its 3 working days are over on {@code today}. */
    public boolean answerOverdue(LocalDate today) {
        return status == ObjectionStatus.WITH_DEPARTMENT && answer == null && departmentDue != null
                && today.isAfter(departmentDue);
    }

    public boolean overdue(LocalDate today) {
        return status.open() && today.isAfter(dueOn);
    }
}
