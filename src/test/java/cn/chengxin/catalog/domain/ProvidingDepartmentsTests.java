package cn.chengxin.catalog.domain;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProvidingDepartmentsTests {

    private static final Set<String> DIRECTORY = Set.of("MARKET", "TAX", "COURT");

    private static ItemDefinition providedBy(List<String> providers) {
        return new ItemDefinition("P_TEST_ITEM", "测试事项", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, List.of(), providers, "某法第一条", Sharing.PUBLIC,
                Severity.GENERAL, null, null, null, true, true, false, UpdateCycle.DAILY, false, null);
    }

    @Test
    void aCodeNoDepartmentHasIsRefusedAndNamed() {
        List<ItemRules.Violation> violations = ProvidingDepartments.unknown(providedBy(List.of("MARKT", "TAX")),
                DIRECTORY, List.of());
        assertThat(violations).extracting(ItemRules.Violation::code, ItemRules.Violation::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PROVIDER_UNKNOWN", "providers"));
        assertThat(violations.get(0).message()).contains("MARKT").doesNotContain("TAX");
    }

    @Test
    void departmentsOfTheDirectoryAreAccepted() {
        assertThat(ProvidingDepartments.unknown(providedBy(List.of("MARKET", "TAX")), DIRECTORY, List.of())).isEmpty();
    }

    @Test
    void aCodeTheVersionInForceAlreadyNamesIsKeptAsStored() {
        assertThat(ProvidingDepartments.unknown(providedBy(List.of("MARKET", "ECOLOGY")), DIRECTORY,
                List.of("MARKET", "ECOLOGY"))).isEmpty();
    }
}
