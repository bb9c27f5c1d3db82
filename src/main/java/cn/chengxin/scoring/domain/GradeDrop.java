package cn.chengxin.scoring.domain;

import java.util.List;
import java.util.Optional;

/**
 * Which grade changes the person is told of (issue #6: "a subject's grade change produces an event (benefits and
 * notices use it)"; issue #8 notices; RULES.md §8; J5 of gaps-review-xxviii): a grade fallen to a lower band of the
 * model ({@link #DROPPED}), or one that ended, the person no longer scored ({@link #LOST}). A first grade, an unchanged
 * or a higher one is no notice (the score page lists every change); nor is a change between grades the model's bands
 * cannot order (a model switched meanwhile).
 */
public enum GradeDrop {
    NONE, DROPPED, LOST;

    /** What a change from {@code from} (null: the first grade) to {@code to} (null: no longer scored) is. */
    public static GradeDrop of(List<GradeBand> bands, String from, String to) {
        if (from == null || from.equals(to)) {
            return NONE;
        }
        if (to == null) {
            return LOST;
        }
        Optional<GradeBand> was = band(bands, from);
        Optional<GradeBand> now = band(bands, to);
        return was.isPresent() && now.isPresent() && now.get().minInclusive() < was.get().minInclusive()
                ? DROPPED : NONE;
    }

    /** The grade's label in the model ("B 级（诚信警示）"), or the grade itself when the model has none such. */
    public static String label(List<GradeBand> bands, String grade) {
        return band(bands, grade).map(GradeBand::label).orElse(grade);
    }

    private static Optional<GradeBand> band(List<GradeBand> bands, String grade) {
        return bands.stream().filter(b -> b.grade().equals(grade)).findFirst();
    }
}
