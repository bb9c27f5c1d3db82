package cn.chengxin.scoring.domain;

/**
 * What one dimension adds to (or takes from) the base score; {@code capped} when its records together would have
 * moved the score by more than {@code cap}.
 */
public record DimensionScore(String code, String label, int points, int cap, boolean capped) {
}
