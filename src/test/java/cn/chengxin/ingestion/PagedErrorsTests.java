package cn.chengxin.ingestion;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagedErrorsTests {

    /** Problems of lines 1..9, two on every third line, served whole rows at most {@code limit} at a time. */
    private static final List<RowError> ALL = new ArrayList<>();

    static {
        for (long line = 1; line <= 9; line++) {
            ALL.add(new RowError(line, "a", "CODE_A", "甲"));
            if (line % 3 == 0) {
                ALL.add(new RowError(line, "b", "CODE_B", "乙"));
            }
        }
    }

    private static List<RowError> pageAfter(long after, int limit, List<Long> asked) {
        asked.add(after);
        List<RowError> page = new ArrayList<>();
        for (RowError e : ALL) {
            if (e.line() > after && (page.size() < limit || page.get(page.size() - 1).line() == e.line())) {
                page.add(e);
            }
        }
        return page;
    }

    @Test
    void goesThroughEveryProblemOnceWithOnePageInMemory() {
        List<Long> asked = new ArrayList<>();
        List<RowError> seen = new ArrayList<>();
        new PagedErrors(after -> pageAfter(after, 2, asked)).forEachRemaining(seen::add);

        assertThat(seen).containsExactlyElementsOf(ALL);
        assertThat(asked).as("each page after the last line of the one before").startsWith(0L, 2L, 3L, 5L, 6L)
                .endsWith(9L);
    }

    @Test
    void aBatchWithoutProblemsIsAskedOnce() {
        List<Long> asked = new ArrayList<>();

        assertThat(new PagedErrors(after -> {
            asked.add(after);
            return List.of();
        }).hasNext()).isFalse();
        assertThat(asked).containsExactly(0L);
    }
}
