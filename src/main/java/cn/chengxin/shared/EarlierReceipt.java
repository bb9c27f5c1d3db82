package cn.chengxin.shared;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

import cn.chengxin.shared.privacy.IdentityRedaction;

/**
 * 原系统收件: a case (an objection, a repair application) the old system received before the cut-over, filed here by a
 * clerk with the day the old system received it (收件日期) and its case number there (案卷号). The rules count a case's
 * deadlines from its receipt (RULES.md §5 for objections, §6 for repairs), and the person's case was received on that
 * day: counting from the filing here would give the case a second full period (review X7).
 * The day is not in the future, and not so far back that the case's last day has passed — such a case can no longer be
 * "in time" anywhere; the clerk files it as a new one instead. The old case number is required (it is what the case
 * page, the audit trail and the old archive share) and is kept masked if it names a person's number (RULES.md §10).
 */
public record EarlierReceipt(LocalDate receivedOn, String reference) {

    public static final int MAX_REFERENCE = 64;

    /** The codes a module refuses a receipt with: a wrong or missing day, a missing or too long case number. */
    public record Refusal(String dayCode, String referenceCode) {
    }

    /**
     * The receipt as a clerk gives it on {@code today}, or null when no day is given (the case is received today). A
     * day without a reference, a reference without a day, a day after today or one whose {@code lastDay} (the last
     * day a case received then may be decided, {@code limit} in words: "20 日") ended before today are refused, with
     * {@code refusal}'s codes.
     */
    public static EarlierReceipt of(LocalDate receivedOn, String reference, LocalDate today, Refusal refusal,
                                    UnaryOperator<LocalDate> lastDay, String limit) {
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (receivedOn == null) {
            if (ref != null) {
                throw invalid(refusal.dayCode(), "填写原系统案件编号时，请同时填写原系统收件日期");
            }
            return null;
        }
        if (ref == null || ref.length() > MAX_REFERENCE) {
            throw invalid(refusal.referenceCode(),
                    "请填写原系统的案件编号（不超过 " + MAX_REFERENCE + " 字）");
        }
        if (receivedOn.isAfter(today)) {
            throw invalid(refusal.dayCode(), "原系统收件日期不能晚于今天");
        }
        if (lastDay.apply(receivedOn).isBefore(today)) {
            throw invalid(refusal.dayCode(), "原系统收件日期已超过 " + limit
                    + "的办理时限，请按今天受理的新案件提交");
        }
        return new EarlierReceipt(receivedOn, IdentityRedaction.redact(ref));
    }

    private static CodedProblem invalid(String code, String message) {
        return new CodedProblem(code, DomainProblem.Kind.INVALID_INPUT, message);
    }
}
