package cn.chengxin.objection.domain;

import java.time.LocalDate;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.calendar.WorkingCalendar;
import cn.chengxin.shared.privacy.IdentityRedaction;

/**
 * 原系统收件: an objection the old system received before the cut-over, filed here by a clerk with the day the old system
 * received it (收件日期) and its case number there. RULES.md §5 counts an objection's deadlines (3 / 7 working days, the
 * 20-day ceiling of 征信业管理条例 Art. 25) from its receipt, and the person's case was received on that day: counting
 * from the filing here would give the case a second full period and could take it past the ceiling (review X7).
 * The day is not in the future, and not so far back that the case's ceiling has passed — such a case can no longer be
 * "in time" anywhere; the clerk files it as a new one instead. The old case number is required (it is what the audit
 * trail and the old archive share) and is kept masked if it names a person's number (RULES.md §10).
 */
public record EarlierReceipt(LocalDate receivedOn, String reference) {

    public static final int MAX_REFERENCE = 64;

    /**
     * The receipt as a clerk gives it on {@code today}, or null when no day is given (the case is received today). A
     * day without a reference, a reference without a day, a day after today or one whose ceiling
     * ({@link ObjectionDeadlines#ceiling}) ended before today are refused.
     */
    public static EarlierReceipt of(LocalDate receivedOn, String reference, LocalDate today,
                                    WorkingCalendar calendar, ObjectionDeadlines deadlines) {
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (receivedOn == null) {
            if (ref != null) {
                throw invalid("OBJECTION_EARLIER_RECEIPT_DAY", "填写原系统案件编号时，请同时填写原系统收件日期");
            }
            return null;
        }
        if (ref == null || ref.length() > MAX_REFERENCE) {
            throw invalid("OBJECTION_EARLIER_RECEIPT_REFERENCE",
                    "请填写原系统的案件编号（不超过 " + MAX_REFERENCE + " 字）");
        }
        if (receivedOn.isAfter(today)) {
            throw invalid("OBJECTION_EARLIER_RECEIPT_DAY", "原系统收件日期不能晚于今天");
        }
        if (deadlines.ceiling(calendar, receivedOn).isBefore(today)) {
            throw invalid("OBJECTION_EARLIER_RECEIPT_DAY", "原系统收件日期已超过 " + deadlines.ceilingDays()
                    + " 日的办理时限，请按今天受理的新案件提交");
        }
        return new EarlierReceipt(receivedOn, IdentityRedaction.redact(ref));
    }

    private static CodedProblem invalid(String code, String message) {
        return new CodedProblem(code, DomainProblem.Kind.INVALID_INPUT, message);
    }
}
