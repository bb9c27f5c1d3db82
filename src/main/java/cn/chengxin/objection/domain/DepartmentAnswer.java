package cn.chengxin.objection.domain;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.subject.domain.TypedText;

/**
 * What the providing department answers after verifying a routed objection (RULES.md §5; Henan Art. 41): the record is
 * correct, it should be corrected — and then the department says to what — or it should be deleted; or the decision
 * the record rests on was revoked (by the department, an administrative review or a court), which is the notice after
 * which the record is withdrawn within 1 working day (Henan Art. 42; {@link ObjectionDeadlines#withdrawalDue}).
 * Reasons are always given: the credit office decides with them and the subject reads the decision's reasons.
 */
public enum DepartmentAnswer {
    VERIFIED("核实无误", Outcome.UPHOLD),
    CORRECT("应予更正", Outcome.CORRECT),
    DELETE("应予删除", Outcome.DELETE),
    BASIS_REVOKED("原决定已撤销（依据失效）", Outcome.DELETE),
    /**
     * The record is missing or incomplete and the department supplements it (补充; an omission, 信息遗漏, K8 of
     * gaps-review-xxix): it submits the record through collection, after which the case is decided 补充.
     */
    SUPPLEMENT("应予补充", Outcome.SUPPLEMENT);

    public static final int MAX_TEXT = 2000;

    private final String label;
    private final Outcome suggests;

    DepartmentAnswer(String label, Outcome suggests) {
        this.label = label;
        this.suggests = suggests;
    }

    public String label() {
        return label;
    }

    /** The outcome the answer points to, pre-selected for the credit office (which still decides). */
    public Outcome suggests() {
        return suggests;
    }

    /** Checks an answer as given; returns the corrected values to keep (null unless the record is to be corrected). */
    public static String check(DepartmentAnswer answer, String corrections, String reasons) {
        if (answer == null || blank(reasons) || reasons.strip().length() > MAX_TEXT) {
            throw invalid("OBJECTION_ANSWER_INVALID", "须选择核查结论并写明理由（不超过 " + MAX_TEXT + " 字）");
        }
        if (answer == CORRECT && (blank(corrections) || corrections.strip().length() > MAX_TEXT)) {
            throw invalid("OBJECTION_ANSWER_CORRECTIONS", "结论为应予更正的，须写明更正后的内容（不超过 " + MAX_TEXT + " 字）");
        }
        // Both are kept as the department wrote them and shown to the credit office (RULES.md §10).
        TypedText.requireNoIdentityNumber("reasons", "核查理由", reasons);
        if (answer == CORRECT) {
            TypedText.requireNoIdentityNumber("corrections", "更正后的内容", corrections);
        }
        // A mistyped number passes the refusal (no valid check character) and is kept masked (issue #7).
        return answer == CORRECT ? IdentityRedaction.redact(corrections.strip()) : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static CodedProblem invalid(String code, String message) {
        return new CodedProblem(code, DomainProblem.Kind.INVALID_INPUT, message);
    }
}
