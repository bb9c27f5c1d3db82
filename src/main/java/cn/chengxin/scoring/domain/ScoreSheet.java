package cn.chengxin.scoring.domain;

import java.util.Arrays;

/**
 * A workspace for scoring one subject after another with one {@link CompiledModel} on one thread: records go in
 * as numbers ({@link CompiledModel#add}), {@link CompiledModel#compute} works out the score, and the result is read
 * back here, so that scoring a million subjects allocates no object per record or contribution. Not thread-safe;
 * obtain one from {@link CompiledModel#sheet()}.
 */
public final class ScoreSheet {

    // the day scored, and the decay limits that follow from it (see Decay)
    long today = Long.MIN_VALUE;
    long fullFrom;
    long zeroAt;

    // the records that weigh something, in the order added
    int count;
    int[] item = new int[16];
    long[] day = new long[16];
    double[] weight = new double[16];
    long[] keyMost = new long[16];
    long[] keyLeast = new long[16];
    Object[] source = new Object[16];

    // working space of the calculation
    int[] order = new int[16];
    double[] raw = new double[16];
    int[] points = new int[16];
    final double[] dimensionSum;

    // the result
    int score;
    GradeBand band;
    final int[] dimensionPoints;
    final boolean[] dimensionCapped;
    int[] contribution = new int[16];
    int contributions;

    ScoreSheet(int dimensions) {
        dimensionSum = new double[dimensions];
        dimensionPoints = new int[dimensions];
        dimensionCapped = new boolean[dimensions];
    }

    /** Room for one more record. */
    void ensureRoom() {
        if (count == item.length) {
            int grown = count * 2;
            item = Arrays.copyOf(item, grown);
            day = Arrays.copyOf(day, grown);
            weight = Arrays.copyOf(weight, grown);
            keyMost = Arrays.copyOf(keyMost, grown);
            keyLeast = Arrays.copyOf(keyLeast, grown);
            source = Arrays.copyOf(source, grown);
            order = new int[grown];
            raw = new double[grown];
            points = new int[grown];
            contribution = new int[grown];
        }
    }

    /** The score computed last. */
    public int score() {
        return score;
    }

    public GradeBand band() {
        return band;
    }

    /** The number of the model's dimensions, each listed in the result. */
    public int dimensions() {
        return dimensionPoints.length;
    }

    public int dimensionPoints(int dimension) {
        return dimensionPoints[dimension];
    }

    public boolean dimensionCapped(int dimension) {
        return dimensionCapped[dimension];
    }

    /** The number of records that moved the score, listed by dimension, by item, most recent first. */
    public int contributions() {
        return contributions;
    }

    public long contributionKeyMost(int c) {
        return keyMost[contribution[c]];
    }

    public long contributionKeyLeast(int c) {
        return keyLeast[contribution[c]];
    }

    /** The contribution's item as its position among the model's priced items ({@link CompiledModel#itemCode}). */
    public int contributionItem(int c) {
        return item[contribution[c]];
    }

    /** The contribution's decision date as {@link java.time.LocalDate#toEpochDay()}. */
    public long contributionDay(int c) {
        return day[contribution[c]];
    }

    public double contributionWeight(int c) {
        return weight[contribution[c]];
    }

    public int contributionPoints(int c) {
        return points[contribution[c]];
    }

    /** What the contribution's record was added with ({@link CompiledModel#add}). */
    Object contributionSource(int c) {
        return source[contribution[c]];
    }
}
