package cn.chengxin.scoring.domain;

/** A grade and the scores it covers, both limits included; the bands of a model cover its range exactly once. */
public record GradeBand(String grade, String label, int minInclusive, int maxInclusive) {

    public boolean contains(int score) {
        return score >= minInclusive && score <= maxInclusive;
    }
}
