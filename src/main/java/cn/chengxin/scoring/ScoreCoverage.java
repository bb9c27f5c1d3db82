package cn.chengxin.scoring;

/**
 * The city's score coverage: residents (persons with a current residence in the registry) and how many of them the
 * active model scored, against the target of 黄石 四(一) ("个人信用分要力争覆盖到本地70%以上的常住人口", RULES.md §8).
 */
public record ScoreCoverage(long residents, long scored) {

    /** The share of residents the score should reach, in percent. */
    public static final int TARGET_PERCENT = 70;

    /** The share scored, in per mille (rounded down); {@code null} with no residents. */
    public Integer perMille() {
        return residents == 0 ? null : (int) (scored * 1000 / residents);
    }

    public int targetPercent() {
        return TARGET_PERCENT;
    }

    /** Whether the target is reached. */
    public boolean reached() {
        return residents > 0 && scored * 100 >= residents * TARGET_PERCENT;
    }
}
