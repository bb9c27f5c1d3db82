package cn.chengxin.creditfile;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 数据质量's median and 90th percentile of the days from decision to receipt, from counts per number of days (the kept
 * days' figures, gaps review xxxv P2), as PostgreSQL's percentile_cont gives them over the records one by one.
 */
class CollectionFiguresTests {

    @Test
    void thePercentilesInterpolateBetweenTheRowsEitherSideAsPercentileContDoes() {
        // Rows 1, 1, 1, 4, 10, 10 (sorted): median between rows 2 and 3 (1 and 4) = 2.5; 90th at row 4.5 = 10.
        TreeMap<Long, Long> counts = new TreeMap<>();
        counts.put(1L, 3L);
        counts.put(4L, 1L);
        counts.put(10L, 2L);
        assertThat(CollectionFigures.percentile(counts, 6, 0.5)).isEqualTo(2.5);
        assertThat(CollectionFigures.percentile(counts, 6, 0.9)).isEqualTo(10.0);
        // Rows 0, 3, 7: median the middle row; 90th at row 1.8: 3 + (7 − 3) × 0.8.
        TreeMap<Long, Long> three = new TreeMap<>();
        three.put(0L, 1L);
        three.put(3L, 1L);
        three.put(7L, 1L);
        assertThat(CollectionFigures.percentile(three, 3, 0.5)).isEqualTo(3.0);
        assertThat(CollectionFigures.percentile(three, 3, 0.9)).isEqualTo(3 + (7 - 3) * (0.9 * 2 - 1));
    }

    @Test
    void oneRecordIsItsOwnPercentiles() {
        TreeMap<Long, Long> one = new TreeMap<>();
        one.put(5L, 1L);
        assertThat(CollectionFigures.percentile(one, 1, 0.5)).isEqualTo(5.0);
        assertThat(CollectionFigures.percentile(one, 1, 0.9)).isEqualTo(5.0);
    }
}
