package cn.chengxin.scoring.persistence;

/**
 * Which outcomes become score rows. A subject the model does not score (a minor, a person not resident or not
 * resident long enough, an unknown age) gets no row of its own: such a row would only copy the registry's facts
 * about the person — for a minor, data PIPL guards closely (Art. 28, 31: under fourteen, sensitive personal
 * information) and asks, as all data, to keep to the minimum (Art. 6) — and was a fifth of the rows each full
 * recompute wrote. The reason is derived when asked ({@code Scoring#scoreOf}).
 * A row is stored where it says something the registry does not: that a score ended (the subject's current row is
 * a score, whose successor goes to the history and to the grade notices), or that the model's own row changed.
 */
final class ScoreRows {

    private ScoreRows() {
    }

    /**
     * Whether a not-scored outcome is stored, given the subject's current stored row (the model's own if any, else the
     * most recently computed).
     *
     * @param stored       the subject has a stored row
     * @param storedScored that row is a score
     * @param ofModel      that row is the model's own
     */
    static boolean storesNotScored(boolean stored, boolean storedScored, boolean ofModel) {
        return stored && (storedScored || ofModel);
    }
}
