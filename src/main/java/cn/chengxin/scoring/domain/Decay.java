package cn.chengxin.scoring.domain;

import java.time.LocalDate;

/**
 * Recency decay: a record counts fully for {@code fullWeightMonths} after its decision date, then linearly less,
 * down to nothing at {@code zeroWeightMonths}. Both 0: no decay. Ages are measured back from the scoring day in
 * calendar months, and between the two limits in days.
 */
public record Decay(int fullWeightMonths, int zeroWeightMonths) {

    /** Records count fully for as long as they are passed to the calculation. */
    public static Decay none() {
        return new Decay(0, 0);
    }

    public boolean isNone() {
        return fullWeightMonths == 0 && zeroWeightMonths == 0;
    }

    /** The weight, 0–1, of a record decided on {@code decisionDate} when scoring on {@code today}. */
    public double weight(LocalDate decisionDate, LocalDate today) {
        if (isNone()) {
            return 1.0;
        }
        return weight(decisionDate.toEpochDay(), today.minusMonths(fullWeightMonths).toEpochDay(),
                today.minusMonths(zeroWeightMonths).toEpochDay());
    }

    /**
     * The weight of a record decided on epoch day {@code decided}, given the last decision day that still counts
     * fully ({@code fullFrom}: today minus fullWeightMonths) and the decision day that counts nothing
     * ({@code zeroAt}: today minus zeroWeightMonths).
     */
    static double weight(long decided, long fullFrom, long zeroAt) {
        if (decided >= fullFrom) {
            return 1.0;
        }
        if (decided <= zeroAt) {
            return 0.0;
        }
        return (double) (decided - zeroAt) / (double) (fullFrom - zeroAt);
    }
}
