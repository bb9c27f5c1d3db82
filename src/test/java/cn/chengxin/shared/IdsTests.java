package cn.chengxin.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

    @Test
    void anIdIsAVersionSevenUuidOfTheCurrentMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newId();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    /** Each of the 74 random bits (12 of rand_a, 62 of rand_b) is drawn: none stays fixed over many ids. */
    @Test
    void everyRandomBitVaries() {
        long randAOnes = 0;
        long randAZeros = 0;
        long randBOnes = 0;
        long randBZeros = 0;
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            UUID id = Ids.newId();
            seen.add(id);
            long randA = id.getMostSignificantBits() & 0xFFF;
            long randB = id.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL;
            randAOnes |= randA;
            randAZeros |= ~randA & 0xFFF;
            randBOnes |= randB;
            randBZeros |= ~randB & 0x3FFFFFFFFFFFFFFFL;
        }
        assertThat(seen).hasSize(2_000);
        assertThat(randAOnes).as("each bit of rand_a seen set").isEqualTo(0xFFF);
        assertThat(randAZeros).as("each bit of rand_a seen clear").isEqualTo(0xFFF);
        assertThat(randBOnes).as("each bit of rand_b seen set").isEqualTo(0x3FFFFFFFFFFFFFFFL);
        assertThat(randBZeros).as("each bit of rand_b seen clear").isEqualTo(0x3FFFFFFFFFFFFFFFL);
    }

    /**
     * The random bits are drawn for several ids at once and handed out in turn: no two ids share them, whatever their
     * millisecond (a draw handed out twice, or a slice overlapping the next, would repeat them).
     */
    @Test
    void noTwoIdsShareTheirRandomBits() {
        Set<String> randomParts = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            UUID id = Ids.newId();
            randomParts.add((id.getMostSignificantBits() & 0xFFF) + ":" + (id.getLeastSignificantBits()
                    & 0x3FFFFFFFFFFFFFFFL));
        }
        assertThat(randomParts).hasSize(20_000);
    }
}
