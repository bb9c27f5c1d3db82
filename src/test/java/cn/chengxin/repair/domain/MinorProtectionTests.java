package cn.chengxin.repair.domain;

import java.time.LocalDate;

import cn.chengxin.catalog.domain.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinorProtectionTests {

    private final MinorProtection protection = MinorProtection.defaults();
    private final LocalDate birth = LocalDate.of(2008, 5, 1);

    @Test
    void minorOrGeneralMisconductDecidedBeforeTheEighteenthBirthdayIsProtected() {
        assertThat(protection.protects(Severity.GENERAL, birth, LocalDate.of(2026, 4, 30))).isTrue();
        assertThat(protection.protects(Severity.MINOR, birth, LocalDate.of(2020, 1, 1))).isTrue();
    }

    @Test
    void adultsSeriousMisconductAndUnknownFactsAreNotProtected() {
        assertThat(protection.protects(Severity.GENERAL, birth, LocalDate.of(2026, 5, 1))).isFalse();
        assertThat(protection.protects(Severity.SERIOUS, birth, LocalDate.of(2024, 1, 1))).isFalse();
        assertThat(protection.protects(Severity.GENERAL, null, LocalDate.of(2024, 1, 1))).isFalse();
        assertThat(new MinorProtection(java.util.Set.of(Severity.MINOR))
                .protects(Severity.GENERAL, birth, LocalDate.of(2024, 1, 1))).isFalse();
    }

    @Test
    void aProtectedRecordIsRepairableOnceTheObligationIsFulfilled() {
        RepairEligibility e = RepairEligibility.protectedMinor(LocalDate.of(2025, 3, 1));
        assertThat(e.kind()).isEqualTo(RepairEligibility.Kind.ONCE_OBLIGATION_FULFILLED);
        assertThat(e.periodServed(LocalDate.of(2025, 3, 1))).isTrue();
    }
}
