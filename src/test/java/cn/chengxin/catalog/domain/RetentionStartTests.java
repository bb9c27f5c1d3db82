package cn.chengxin.catalog.domain;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention counts from the end of the act or sentence where a record states it (RULES.md §4). */
class RetentionStartTests {

    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 10);

    private final ItemDefinition penalty = BaseCatalogue.items().stream()
            .filter(i -> i.code().equals("P_ADMIN_PENALTY_SERIOUS")).findFirst().orElseThrow();

    @Test
    void theBaseCataloguesPenaltyItemsCountFromTheirActsEnd() {
        assertThat(penalty.retentionCountsFrom()).isEqualTo("ended_on");
        assertThat(ItemRules.forSaving(penalty)).isEmpty();
        assertThat(BaseCatalogue.items().stream().filter(i -> i.code().equals("P_COMMENDATION")).findFirst()
                .orElseThrow().retentionCountsFrom()).isNull();
    }

    @Test
    void fromTheStatedDayNeverBeforeTheDecision() {
        assertThat(penalty.retentionStart(DECIDED, Map.of("ended_on", "2026-09-30")))
                .isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(penalty.retentionStart(DECIDED, Map.of("ended_on", "2025-12-31"))).as("an act ended before")
                .isEqualTo(DECIDED);
        assertThat(penalty.retentionStart(DECIDED, Map.of("facts", "x"))).isEqualTo(DECIDED);
        assertThat(penalty.retentionStart(DECIDED, Map.of("ended_on", "not a day"))).isEqualTo(DECIDED);
        assertThat(penalty.withRetentionCountedFrom(null).retentionStart(DECIDED, Map.of("ended_on", "2026-09-30")))
                .isEqualTo(DECIDED);
    }

    @Test
    void theFieldMustBeADateFieldOfTheItem() {
        assertThat(ItemRules.forSaving(penalty.withRetentionCountedFrom("facts")))
                .extracting(ItemRules.Violation::code).contains("RETENTION_FIELD_NOT_DATE");
        assertThat(ItemRules.forSaving(penalty.withRetentionCountedFrom("sentence_end")))
                .extracting(ItemRules.Violation::code).contains("RETENTION_FIELD_NOT_DATE");
    }
}
