package cn.chengxin.scoring.domain;

import java.util.List;

/** The result of scoring one subject: a score with its explanation, or the reason there is none. */
public sealed interface ScoreOutcome {

    /**
     * A score, its grade and its explanation. {@code dimensions} lists every dimension of the model in order, and
     * their points add up to score − base unless the score reached the model's range limits; {@code contributions}
     * lists exactly the records that moved the score, by dimension, by item, most recent first.
     */
    record Scored(int score, String grade, String gradeLabel, List<DimensionScore> dimensions,
                  List<Contribution> contributions) implements ScoreOutcome {

        public Scored {
            dimensions = List.copyOf(dimensions);
            contributions = List.copyOf(contributions);
        }
    }

    /** No score: {@link #MINOR}, {@link #RESIDENCE_TOO_SHORT}, {@link #NOT_RESIDENT} or {@link #AGE_UNKNOWN}. */
    record NotScored(String code, String reason) implements ScoreOutcome {

        public static final String MINOR = "MINOR";
        public static final String RESIDENCE_TOO_SHORT = "RESIDENCE_TOO_SHORT";
        public static final String NOT_RESIDENT = "NOT_RESIDENT";
        public static final String AGE_UNKNOWN = "AGE_UNKNOWN";
    }
}
