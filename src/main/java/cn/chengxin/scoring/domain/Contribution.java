package cn.chengxin.scoring.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the explanation (为什么是这个分数; PIPL Art. 24): a record that moved the score, and by how much.
 *
 * @param weight recency decay × severity weight, 0 exclusive to 1 (or more for a severity weighted above 1)
 * @param points what the record moved the score by, rounded, after the dimension cap scaled it down if reached;
 *               the contributions of a dimension add up to its points
 */
public record Contribution(UUID recordKey, String itemCode, String title, String dimension, LocalDate decisionDate,
                           double weight, int points) {
}
