package cn.chengxin.scoring.domain;

/**
 * What one record of a catalogue item is worth in a score model: {@code points} (negative for a penalty, positive
 * for good conduct) in {@code dimension}; only the {@code perRecordCap} most recent records of the item count, so
 * that repeated records of one kind cannot dominate the score.
 */
public record ItemPoints(String itemCode, String dimension, int points, int perRecordCap) {
}
