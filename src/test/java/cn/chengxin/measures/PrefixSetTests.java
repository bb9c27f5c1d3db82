package cn.chengxin.measures;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixSetTests {

    @Test
    void keepsEveryKeyItWasGivenThroughItsGrowthAndNoOther() {
        PrefixSet set = new PrefixSet();
        SplittableRandom random = new SplittableRandom(42);
        long[] keys = random.longs(200_000).toArray();
        for (long key : keys) {
            set.add(key);
        }
        set.add(keys[0]);
        assertThat(set.size()).isEqualTo(keys.length);
        for (long key : keys) {
            assertThat(set.contains(key)).isTrue();
        }
        SplittableRandom others = new SplittableRandom(43);
        for (int i = 0; i < 200_000; i++) {
            assertThat(set.contains(others.nextLong())).isFalse();
        }
    }

    @Test
    void zeroIsAKeyLikeAnyOther() {
        PrefixSet set = new PrefixSet();
        assertThat(set.contains(0L)).isFalse();
        set.add(0L);
        assertThat(set.contains(0L)).isTrue();
        assertThat(set.contains(-1L)).isFalse();
        set.add(-1L);
        assertThat(set.contains(-1L)).isTrue();
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void keysThatProbeTheSameSlotsAreAllKept() {
        PrefixSet set = new PrefixSet();
        // Equal low bits: every key starts at the same slot and walks past the others, across the table's end.
        for (long i = 1; i <= 600; i++) {
            set.add((i << 32) | 1023L);
        }
        for (long i = 1; i <= 600; i++) {
            assertThat(set.contains((i << 32) | 1023L)).isTrue();
        }
        assertThat(set.contains((601L << 32) | 1023L)).isFalse();
    }
}
