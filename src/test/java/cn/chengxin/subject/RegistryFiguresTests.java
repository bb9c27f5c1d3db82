package cn.chengxin.subject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps-review-xxxv P1: before the first count after a start a view gets no figures ("统计中") at once, never waiting
 * for the scan on its own thread; the first view hands the count to the executor, and further views do not start
 * another while it runs.
 */
class RegistryFiguresTests {

    @Test
    void theFirstViewStartsOneCountOffItsThreadAndGetsNoFigures() {
        List<Runnable> handedOff = new ArrayList<>();
        RegistryFigures figures = new RegistryFigures(null, handedOff::add,
                Clock.fixed(Instant.parse("2026-12-06T06:00:00Z"), ZoneId.of("Asia/Shanghai")));

        assertThat(figures.kept()).as("nothing counted yet: the page says 统计中").isEmpty();
        assertThat(figures.kept()).isEmpty();
        assertThat(handedOff).as("one count, on the executor").hasSize(1);
    }
}
