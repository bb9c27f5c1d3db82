package cn.chengxin.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic the check benchmark uses to add up the CPU of the two floor phases around the checks. */
class CpuClockTests {

    @Test
    void twoIntervalsAddUpKindByKind() {
        // Nanoseconds of CPU by kind of thread, read before the first floor phase, after it, after the checks and
        // after the second floor phase.
        Map<String, Long> start = Map.of("http-nio-N-", 100_000L, "GC Thread#N", 10_000L);
        Map<String, Long> before = Map.of("http-nio-N-", 150_000L, "GC Thread#N", 12_000L);
        Map<String, Long> between = Map.of("http-nio-N-", 400_000L, "GC Thread#N", 20_000L, "audit-writer", 70_000L);
        Map<String, Long> after = Map.of("http-nio-N-", 460_000L, "GC Thread#N", 21_000L, "audit-writer", 70_000L);

        // (after - between) + (before - start), as busiest computes after - (start + between - before).
        Map<String, Long> base = CpuClock.sum(start, CpuClock.difference(between, before));

        assertThat(base).containsExactlyInAnyOrderEntriesOf(
                Map.of("http-nio-N-", 350_000L, "GC Thread#N", 18_000L, "audit-writer", 70_000L));
        // 50 + 60 µs and 2 + 1 µs over the two floor phases; the audit writer did nothing in them.
        assertThat(CpuClock.busiest(base, after, 1, 6)).isEqualTo("http-nio-N- 110 µs, GC Thread#N 3 µs");
    }
}
