package cn.chengxin.scoring.domain;

import java.time.LocalDate;

/**
 * How long a model's impact assessment is kept after the model stops being used (retired by another version's
 * approval, or rejected): configuration, {@code chengxin.scoring.assessment-retention-years}. PIPL Art. 56 ¶2 keeps an
 * assessment report at least 3 years; no value may keep it shorter.
 */
public record AssessmentRetention(int years) {

    /** PIPL Art. 56 ¶2: 个人信息保护影响评估报告和处理情况记录应当至少保存三年. */
    public static final int MIN_YEARS = 3;

    public AssessmentRetention {
        if (years < MIN_YEARS) {
            throw new IllegalArgumentException("assessment-retention-years (" + years + ") must be at least "
                    + MIN_YEARS + " (PIPL Art. 56)");
        }
    }

    /** Assessments of models out of use since before this day may be deleted on {@code today}. */
    public LocalDate outOfUseBefore(LocalDate today) {
        return today.minusYears(years);
    }
}
