package cn.chengxin.oversight.domain;

import java.time.Instant;
import java.util.UUID;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem.Kind;

/**
 * A {@link CalendarChange} awaiting, or given, a second person's decision. Lifecycle: {@code PENDING} →
 * {@code APPROVED} (the days are written) or {@code REJECTED}, decided once, never by the proposer (maker-checker, as
 * for the catalogue, the lists and birth dates).
 */
public record CalendarProposal(UUID id, CalendarChange change, String proposedBy, String proposedByName,
                               Instant proposedAt, Status status, String decidedBy, String decidedByName,
                               Instant decidedAt, String decisionNote) {

    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    /** Maker-checker: whoever proposed the change may neither approve nor reject it. */
    public void requireSecondPerson(String checker) {
        if (proposedBy.equals(checker)) {
            throw new CodedProblem("CALENDAR_SELF_REVIEW", Kind.FORBIDDEN, "提出工作日历变更的人不能审核自己的申请");
        }
    }

    public void requirePending() {
        if (status != Status.PENDING) {
            throw alreadyDecided();
        }
    }

    /** A rejection says why, so that the proposer can put it right. */
    public static void requireRejectionReason(String note) {
        if (note == null || note.isBlank()) {
            throw new CodedProblem("REVIEW_NOTE_REQUIRED", Kind.INVALID_INPUT, "退回工作日历变更须写明理由");
        }
    }

    public static CodedProblem alreadyDecided() {
        return new CodedProblem("CALENDAR_PROPOSAL_DECIDED", Kind.CONFLICT, "该工作日历变更已由他人处理");
    }
}
