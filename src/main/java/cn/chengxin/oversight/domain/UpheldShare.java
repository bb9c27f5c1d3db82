package cn.chengxin.oversight.domain;

/**
 * A department's share of objections upheld (异议成立比例; finding L7): of its objection cases decided in a period, the
 * part that found its record wrong. 驻马店 四(二) asks the city to "建立…错误记录信息…的责任追究机制"; the credit office
 * follows up the departments whose records objections prove wrong too often. The rules set no figure, so the office
 * sets it ({@link Threshold}): a department is flagged when more than {@code percent} of its decided cases were upheld
 * and it had at least {@code minimumDecided} of them (one case upheld of one decided says nothing of its records).
 *
 * @param perMille the share in thousandths, rounded half up; null when nothing was decided
 * @param flagged  whether the share passes the office's threshold
 */
public record UpheldShare(Integer perMille, boolean flagged) {

    /** The share above which a department is flagged, unless the credit office sets another. */
    public static final int DEFAULT_PERCENT = 20;
    /** The fewest decided cases for which a share is flagged, unless the credit office sets another. */
    public static final int DEFAULT_MINIMUM_DECIDED = 5;

    /**
     * The credit office's threshold: a share above {@code percent} (0–100) of at least {@code minimumDecided} (1 or
     * more) decided cases is flagged. Values out of range are brought within it.
     */
    public record Threshold(int percent, int minimumDecided) {

        public Threshold {
            percent = Math.max(0, Math.min(100, percent));
            minimumDecided = Math.max(1, minimumDecided);
        }
    }

    /** The share of {@code upheld} among {@code decided} cases, judged against {@code threshold}. */
    public static UpheldShare of(long decided, long upheld, Threshold threshold) {
        if (decided <= 0) {
            return new UpheldShare(null, false);
        }
        int perMille = (int) ((upheld * 1000 * 2 + decided) / (decided * 2));
        // Compared in whole cases, not on the rounded share: 1 of 5 is 20%, not above 20%.
        boolean flagged = decided >= threshold.minimumDecided() && upheld * 100 > (long) threshold.percent() * decided;
        return new UpheldShare(perMille, flagged);
    }
}
