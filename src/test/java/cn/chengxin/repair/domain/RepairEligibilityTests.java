package cn.chengxin.repair.domain;

import java.time.LocalDate;

import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepairEligibilityTests {

    private static final LocalDate DECIDED = LocalDate.of(2026, 5, 31);

    @Test
    void minimumPeriodsBySeverityFromTheDecisionDate() {
        RepairEligibility minor = RepairEligibility.of(Nature.NEGATIVE, Severity.MINOR, null, DECIDED);
        assertThat(minor.kind()).isEqualTo(RepairEligibility.Kind.ONCE_OBLIGATION_FULFILLED);
        assertThat(minor.periodServed(DECIDED)).isTrue();

        RepairEligibility general = RepairEligibility.of(Nature.NEGATIVE, Severity.GENERAL, null, DECIDED);
        assertThat(general.from()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(general.periodServed(LocalDate.of(2026, 8, 30))).isFalse();
        assertThat(general.periodServed(LocalDate.of(2026, 8, 31))).isTrue();

        assertThat(RepairEligibility.of(Nature.NEGATIVE, Severity.SERIOUS, null, DECIDED).from())
                .isEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(RepairEligibility.of(Nature.NEGATIVE, Severity.SERIOUS, 24, DECIDED).from())
                .as("an item's own minimum period").isEqualTo(LocalDate.of(2028, 5, 31));
    }

    @Test
    void goodRecordsHaveNothingToRepair() {
        RepairEligibility good = RepairEligibility.of(Nature.GOOD, null, null, DECIDED);
        assertThat(good.kind()).isEqualTo(RepairEligibility.Kind.NOT_APPLICABLE);
        assertThat(good.periodServed(DECIDED.plusYears(5))).isFalse();
    }
}
