package cn.chengxin.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.scoring.domain.Contribution;
import cn.chengxin.scoring.domain.DimensionScore;

/**
 * A subject's current score with what explains it ("为什么是这个分数"): the model and its version, the time, the
 * points per dimension and every record that moved the score. {@code score} is null when the subject is not scored,
 * with the code and reason why.
 */
public record SubjectScore(UUID subjectId, String modelCode, int modelVersion, Integer score, String grade,
                           String gradeLabel, String notScoredCode, String notScoredReason, Instant computedAt,
                           List<DimensionScore> dimensions, List<Contribution> contributions) {

    public boolean scored() {
        return score != null;
    }
}
