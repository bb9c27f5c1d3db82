package cn.chengxin.account;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose records a signed-in staff member sees is told by the department's kind and scope (RULES.md §10). */
class StaffPrincipalTests {

    @Test
    void theCreditOfficeSeesEveryItem() {
        assertThat(principal(Department.Kind.CREDIT_OFFICE, List.of()).dataScope().permits("P_TAX_ARREARS", "TAX"))
                .isTrue();
    }

    @Test
    void aRespondingUnitWhoseScopeNamesNoItemSeesNone() {
        assertThat(principal(Department.Kind.RESPONDING_UNIT, List.of()).dataScope().permits("P_TAX_ARREARS", "X"))
                .isFalse();
    }

    @Test
    void aProviderSeesItsOwnRecordsOfTheItemsOfItsScope() {
        StaffPrincipal court = principal(Department.Kind.DATA_PROVIDER, List.of("P_COURT_DEFAULTER"));
        assertThat(court.dataScope().permits("P_COURT_DEFAULTER", "X")).isTrue();
        assertThat(court.dataScope().permits("P_COURT_DEFAULTER", "OTHER")).isFalse();
        assertThat(court.dataScope().permits("P_TAX_ARREARS", "X")).isFalse();
    }

    @Test
    void aProviderReadsOthersRecordsOfTheItemsGrantedOnly() {
        StaffPrincipal court = new StaffPrincipal(UUID.randomUUID(), "staff", "测试", UUID.randomUUID(), "X", "测试单位",
                Department.Kind.DATA_PROVIDER, List.of("P_COURT_DEFAULTER"), Set.of(), List.of("P_TAX_ARREARS"));
        assertThat(court.dataScope().permits("P_TAX_ARREARS", "TAX")).isTrue();
        assertThat(court.dataScope().permits("P_COURT_DEFAULTER", "OTHER")).isFalse();
    }

    /** A session signed in before the kind was kept is restored without kind and items: it sees nothing. */
    @Test
    void aPrincipalWithoutKindSeesNoItem() {
        StaffPrincipal restored = new StaffPrincipal(UUID.randomUUID(), "clerk", "信用办业务员", UUID.randomUUID(),
                "CREDIT_OFFICE", "信用办", null, null, Set.of());
        assertThat(restored.dataScope().permits("P_TAX_ARREARS", "TAX")).isFalse();
        assertThat(restored.scopeItems()).isEmpty();
    }

    private static StaffPrincipal principal(Department.Kind kind, List<String> items) {
        return new StaffPrincipal(UUID.randomUUID(), "staff", "测试", UUID.randomUUID(), "X", "测试单位", kind, items,
                Set.of());
    }
}
