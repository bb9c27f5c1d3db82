package cn.chengxin.scoring;

import java.util.List;

import cn.chengxin.scoring.persistence.JdbcScores;

/**
 * What a benefits check answers (RULES.md §8): the benefits that apply now, and whether the person's benefits by grade
 * are to be assessed by a person instead, because they refuse to be judged by automated grading (PIPL Art. 24).
 */
public record BenefitsAnswer(List<JdbcScores.Benefit> benefits, boolean manualAssessment) {

    /** The reason code of an answer that needs a manual assessment. */
    public static final String AUTOMATED_GRADING_REFUSED = "AUTOMATED_GRADING_REFUSED";
}
