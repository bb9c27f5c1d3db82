package cn.chengxin.scoring.domain;

/**
 * A dimension of a score model (e.g. 遵纪守法): the records of its items together move the score by at most
 * {@code cap} points, up or down, so that no single area of life dominates the score.
 */
public record Dimension(String code, String label, int cap) {
}
