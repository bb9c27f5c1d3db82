package cn.chengxin.repair.domain;

import java.time.LocalDate;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.catalog.domain.BaseCatalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.RepairAuthority;
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

    /**
     * RULES.md §7: a court defaulter is removed by the court after performance, never repaired here — not even after
     * the serious item's year (finding 5); a serious penalty of the platform's own is.
     */
    @Test
    void aCourtDefaulterIsRepairedByTheCourtWhateverThePeriodServed() {
        Map<String, ItemDefinition> base = BaseCatalogue.items().stream()
                .collect(Collectors.toMap(ItemDefinition::code, Function.identity()));
        RepairEligibility court = RepairEligibility.of(base.get("P_COURT_DEFAULTER"), DECIDED);
        assertThat(court.kind()).isEqualTo(RepairEligibility.Kind.BY_AUTHORITY);
        assertThat(court.authority()).isEqualTo(RepairAuthority.COURT);
        assertThat(court.byPlatform()).isFalse();
        assertThat(court.periodServed(DECIDED.plusYears(2))).isFalse();

        RepairEligibility tax = RepairEligibility.of(base.get("P_TAX_SERIOUS_DISHONESTY"), DECIDED);
        assertThat(tax.authority()).isEqualTo(RepairAuthority.LISTING_DEPARTMENT);

        RepairEligibility penalty = RepairEligibility.of(base.get("P_ADMIN_PENALTY_SERIOUS"), DECIDED);
        assertThat(penalty.kind()).isEqualTo(RepairEligibility.Kind.FROM_DATE);
        assertThat(penalty.authority()).isEqualTo(RepairAuthority.PLATFORM);
        assertThat(penalty.periodServed(DECIDED.plusYears(1))).isTrue();

        assertThat(RepairEligibility.of(base.get("P_VOLUNTEER_SERVICE"), DECIDED).kind())
                .isEqualTo(RepairEligibility.Kind.NOT_APPLICABLE);
    }
}
