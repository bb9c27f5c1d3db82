package cn.chengxin.objection.domain;

import java.time.LocalDate;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.subject.domain.TypedText;

/**
 * A pause of an objection (RULES.md §5: "time for testing/expert review is not counted"): why, from which day to
 * which day (both included). Its working days move the case's deadlines, never past the hard ceiling.
 */
public record ObjectionPause(Kind kind, String reason, LocalDate from, LocalDate until) {

    public static final int MAX_REASON = 500;

    /** The pauses the rules allow: testing (检验检测) and expert review (专家评审). */
    public enum Kind {
        TESTING("检验检测"), EXPERT_REVIEW("专家评审");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A pause as staff record it, checked: a kind, a reason, and an end not before its start nor before receipt. */
    public static ObjectionPause of(Kind kind, String reason, LocalDate from, LocalDate until, LocalDate received) {
        if (kind == null || reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw invalid("OBJECTION_PAUSE_INVALID", "须选择中止事由并写明原因（不超过 " + MAX_REASON + " 字）");
        }
        // Kept and shown with the case as written (RULES.md §10: no identity number in clear).
        TypedText.requireNoIdentityNumber("reason", "中止原因", reason);
        if (from == null || until == null || until.isBefore(from) || from.isBefore(received)) {
            throw invalid("OBJECTION_PAUSE_DATES", "中止的起止日期有误：结束日期不得早于开始日期，开始日期不得早于受理日期");
        }
        // A mistyped number passes the refusal (no valid check character) and is kept masked (issue #7).
        return new ObjectionPause(kind, IdentityRedaction.redact(reason.strip()), from, until);
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(until);
    }

    private static CodedProblem invalid(String code, String message) {
        return new CodedProblem(code, DomainProblem.Kind.INVALID_INPUT, message);
    }
}
