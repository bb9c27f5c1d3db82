package cn.chengxin.objection.domain;

import java.time.LocalDate;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.privacy.IdentityRedaction;

/**
 * 信息遗漏: what a person says is missing from their file (RULES.md §5: the subject objects to their file; its outcomes
 * include "supplement (omission)") — a commendation, a completed performance, a court-ordered removal the providing
 * department never submitted. The case names the catalogue item and the department that should have provided it;
 * {@code missing} says what is missing, in the person's words; the decision number and date are given when known.
 * Nothing is in the file to mark 异议中: the case ends as 补充 once the department submitted the record (through
 * collection, as any record), or as 维持 with the reasons why nothing is missing.
 */
public record Omission(String missing, String decisionNumber, LocalDate decidedOn) {

    public static final int MAX_MISSING = 500;
    public static final int MAX_DECISION_NUMBER = 100;

    /**
     * The omission as filed on {@code today}: what is missing is required, at most {@value #MAX_MISSING} characters; the
     * decision number at most {@value #MAX_DECISION_NUMBER}; the decision date not in the future. Any identity number
     * in the texts is kept masked, as a filing's reasons are (RULES.md §10).
     */
    public static Omission of(String missing, String decisionNumber, LocalDate decidedOn, LocalDate today) {
        String what = missing == null ? "" : missing.strip();
        if (what.isEmpty() || what.length() > MAX_MISSING) {
            throw invalid("OBJECTION_OMISSION_MISSING", "请写明遗漏的信息（不超过 " + MAX_MISSING + " 字）");
        }
        String number = decisionNumber == null || decisionNumber.isBlank() ? null : decisionNumber.strip();
        if (number != null && number.length() > MAX_DECISION_NUMBER) {
            throw invalid("OBJECTION_OMISSION_DECISION", "文书号不超过 " + MAX_DECISION_NUMBER + " 字");
        }
        if (decidedOn != null && decidedOn.isAfter(today)) {
            throw invalid("OBJECTION_OMISSION_DECISION", "决定日期不能晚于今天");
        }
        return new Omission(IdentityRedaction.redact(what), number == null ? null : IdentityRedaction.redact(number),
                decidedOn);
    }

    /**
     * The outcomes an omission may end with: 补充 (the department submitted the record) or 维持 (nothing is missing, with
     * reasons). Deleting, correcting, stopping the display of or delisting a record that is not there decides nothing.
     */
    public static boolean decidable(Outcome outcome) {
        return outcome == Outcome.SUPPLEMENT || outcome == Outcome.UPHOLD;
    }

    /**
     * How an outcome of an omission reads: 维持 keeps no record, as there is none, so it is 不予补充 ("not
     * supplemented"); 补充 reads as for any case. The message key, {@code objections.outcome.<OUTCOME>} otherwise.
     */
    public static String outcomeKey(Outcome outcome) {
        return "objections.outcome." + (outcome == Outcome.UPHOLD ? "UPHOLD_OMISSION" : outcome.name());
    }

    /** {@link #outcomeKey}'s Chinese text, as the services word a notice. */
    public static String outcomeLabel(Outcome outcome) {
        return outcome == Outcome.UPHOLD ? "不予补充" : outcome.label();
    }

    /** {@link #decidable} ones, for the credit office's form. */
    public static java.util.List<Outcome> decisions() {
        return java.util.Arrays.stream(Outcome.values()).filter(Omission::decidable).toList();
    }

    private static CodedProblem invalid(String code, String message) {
        return new CodedProblem(code, DomainProblem.Kind.INVALID_INPUT, message);
    }
}
