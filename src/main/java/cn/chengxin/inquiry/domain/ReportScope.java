package cn.chengxin.inquiry.domain;

import java.util.EnumSet;
import java.util.Set;

import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.Sharing;

/**
 * What a report may carry, by whom it is for and its kind (RULES.md §2, §9):
 * <ul>
 *     <li>only records still shown — a record past its publication period, repaired, revoked or corrected is no
 *     longer shown or used (RULES.md §4), so no report carries it;</li>
 *     <li>by sharing attribute: the person sees all of their records; an authorised institution public and
 *     authorised-query items, never government-only ones; a state organ public and government-shared items;</li>
 *     <li>an occupational report (职业信用报告) only the categories that bear on an occupation: qualifications and
 *     their revocations, licences, penalties and judgements, lists, commitments, evaluations and honours;</li>
 *     <li>the score and its explanation in a full report for the person or a state organ, in an authorised report
 *     when the purpose is a credit decision ({@link Purpose#showsScore()}), never in an occupational report; the
 *     explanation itemises only the records the report carries, and the dimensions count only those
 *     ({@link ScoreExplanation}); a department's government report carries none ({@link ReportReader}); nor does
 *     any report but the person's own while the person refuses automated grading ({@link #showsScore(boolean)});</li>
 *     <li>for each negative record its repair status (RULES.md §6, §9): from when repair may be applied for, who
 *     decides it, or that an application is being handled — with the record, wherever the record is carried;</li>
 *     <li>the query records (RULES.md §9) in full in the person's full report and a state organ's; a report for an
 *     institution, or the occupational one a person hands to an employer, lists only the queries made with the
 *     person's consent and the person's own, each as time, organisation and purpose category: a state organ's look
 *     within its duty (a case, a tip-off, a list review, a measures check) is government-only information, which
 *     an institution never gets ({@link #showsEveryQuery()}); a department's government report lists in full only
 *     its own organisation's ({@link ReportReader}).</li>
 * </ul>
 */
public record ReportScope(ReportKind kind, Requester requester, Purpose purpose) {

    private static final Set<Category> OCCUPATIONAL = EnumSet.of(Category.QUALIFICATION,
            Category.ADMINISTRATIVE_LICENSING, Category.ADMINISTRATIVE_PENALTY, Category.JUDICIAL,
            Category.SERIOUS_DISHONESTY_LIST, Category.CREDIT_COMMITMENT, Category.CREDIT_EVALUATION,
            Category.HONOUR, Category.ADMINISTRATIVE_REWARD);

    public ReportScope {
        if (requester == Requester.INSTITUTION && purpose == null) {
            throw new IllegalArgumentException("an institution's report needs the authorised purpose");
        }
        if (kind == ReportKind.SELF_FULL && requester != Requester.SELF
                || kind == ReportKind.AUTHORISED && requester != Requester.INSTITUTION
                || kind == ReportKind.GOVERNMENT && requester != Requester.GOVERNMENT) {
            throw new IllegalArgumentException(kind + " is not a report for " + requester);
        }
    }

    public boolean includes(Sharing sharing, Category category, boolean shown) {
        if (!shown) {
            return false;
        }
        boolean shared = switch (requester) {
            case SELF -> true;
            case INSTITUTION -> sharing == Sharing.PUBLIC || sharing == Sharing.AUTHORISED_QUERY;
            case GOVERNMENT -> sharing == Sharing.PUBLIC || sharing == Sharing.GOVERNMENT;
        };
        return shared && (kind != ReportKind.OCCUPATIONAL || OCCUPATIONAL.contains(category));
    }

    public boolean showsScore() {
        return switch (kind) {
            case SELF_FULL, GOVERNMENT -> true;
            case AUTHORISED -> purpose.showsScore();
            case OCCUPATIONAL -> false;
        };
    }

    /**
     * Whether the report carries the score, grade and explanation for a person who may refuse to be judged by
     * automated grading (RULES.md §8; PIPL Art. 24: the right to refuse a decision made solely by automated means).
     * While they refuse, only their own report carries it; a report for anyone else (an institution, a state organ)
     * says instead that the person refused and is to be assessed by a person ({@link #withholdsScoreFor}).
     */
    public boolean showsScore(boolean refusesAutomatedGrading) {
        return showsScore() && !withholdsScoreFor(refusesAutomatedGrading);
    }

    /** Whether a report that would carry the score leaves it out because the person refuses automated grading. */
    public boolean withholdsScoreFor(boolean refusesAutomatedGrading) {
        return refusesAutomatedGrading && requester != Requester.SELF && showsScore();
    }

    /** Whether the report lists every query of the person's data, with who made it and why, or only shared ones. */
    public boolean showsEveryQuery() {
        return kind == ReportKind.SELF_FULL || kind == ReportKind.GOVERNMENT;
    }

    /** The purpose line of the report and the audit log. */
    public String purposeLabel() {
        return switch (requester) {
            case SELF -> "本人查询";
            case INSTITUTION -> "授权查询：" + purpose.label();
            case GOVERNMENT -> "政务查询";
        };
    }
}
