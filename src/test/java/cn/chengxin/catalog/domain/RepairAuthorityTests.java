package cn.chengxin.catalog.domain;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who repairs the base catalogue's negative items (RULES.md §6, §7): the court's and the listing departments' own. */
class RepairAuthorityTests {

    private static final Map<String, ItemDefinition> BASE = BaseCatalogue.items().stream()
            .collect(Collectors.toMap(ItemDefinition::code, Function.identity()));

    @Test
    void courtItemsAreRepairedByTheCourt() {
        assertThat(BASE.get("P_COURT_DEFAULTER").repairAuthority()).isEqualTo(RepairAuthority.COURT);
        assertThat(BASE.get("O_COURT_DEFAULTER").repairAuthority()).isEqualTo(RepairAuthority.COURT);
        assertThat(BASE.get("P_CONSUMPTION_RESTRICTED").repairAuthority()).isEqualTo(RepairAuthority.COURT);
    }

    @Test
    void sectorListsAreRepairedByTheirDepartment() {
        for (String code : new String[] {"P_TAX_SERIOUS_DISHONESTY", "O_TAX_SERIOUS_DISHONESTY",
                "O_SERIOUS_ILLEGAL_LIST", "O_WAGE_ARREARS", "O_ABNORMAL_OPERATIONS"}) {
            assertThat(BASE.get(code).repairAuthority()).as(code).isEqualTo(RepairAuthority.LISTING_DEPARTMENT);
        }
    }

    @Test
    void penaltiesAndTheOtherRecordsAreRepairedOnThePlatform() {
        for (String code : new String[] {"P_ADMIN_PENALTY_GENERAL", "P_ADMIN_PENALTY_SERIOUS", "P_TAX_ARREARS",
                "P_DRUNK_DRIVING", "P_COMMITMENT_BREACH", "O_ADMIN_PENALTY_SERIOUS"}) {
            assertThat(BASE.get(code).repairAuthority()).as(code).isEqualTo(RepairAuthority.PLATFORM);
            assertThat(BASE.get(code).repairAuthority().platform()).isTrue();
        }
    }
}
