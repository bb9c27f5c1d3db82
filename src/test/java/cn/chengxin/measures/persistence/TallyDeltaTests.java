package cn.chengxin.measures.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.measures.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The case tally's additions counted on the audit writer's thread, as the grouping statement counted them. */
class TallyDeltaTests {

    @Test
    void aCommitOfChecksThatHitNothingAddsNoRow() {
        TallyDelta delta = TallyDelta.of(List.of(check("MARKET", List.of(), List.of()),
                check("", List.of(), List.of())));

        assertThat(delta.measures()).isEmpty();
        assertThat(delta.departments()).isEmpty();
        assertThat(delta.hits()).isEmpty();
        assertThat(delta.owed()).isEmpty();
    }

    @Test
    void eachMeasureAndDepartmentCountsItsChecksAndThoseOwingFeedbackSortedByMeasureThenDepartment() {
        TallyDelta delta = TallyDelta.of(List.of(
                check("MARKET", List.of("STRICT", "GREEN"), List.of("STRICT")),
                check("TAX", List.of("STRICT"), List.of("STRICT")),
                check("MARKET", List.of(), List.of()),
                check("MARKET", List.of("STRICT"), List.of()),
                check("", List.of("GREEN"), List.of()),
                check("MARKET", List.of("STRICT", "GREEN"), List.of("STRICT", "GREEN"))));

        assertThat(delta.measures()).containsExactly("GREEN", "GREEN", "STRICT", "STRICT");
        assertThat(delta.departments()).containsExactly("", "MARKET", "MARKET", "TAX");
        assertThat(delta.hits()).containsExactly(1, 2, 3, 1);
        assertThat(delta.owed()).containsExactly(0, 1, 2, 1);
    }

    private static JdbcMeasures.CheckRow check(String department, List<String> measures, List<String> owed) {
        return new JdbcMeasures.CheckRow(UUID.randomUUID(), Instant.parse("2026-12-07T01:00:00Z"), "client",
                department, "p", Scenario.LICENSING, "许可审查", measures.size(), measures, owed);
    }
}
