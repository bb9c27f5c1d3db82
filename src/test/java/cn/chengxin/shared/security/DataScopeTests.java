package cn.chengxin.shared.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataScopeTests {

    @Test
    void aScopeNamingNoItemPermitsNone() {
        DataScope none = DataScope.of("COURT", List.of(), List.of());
        assertThat(none.permits("P_COURT_DEFAULTER", "COURT")).isFalse();
        assertThat(none.restricted()).isTrue();
        assertThat(DataScope.noItem().permits("P_ADMIN_PENALTY_GENERAL", "MARKET")).isFalse();
    }

    @Test
    void aDepartmentsScopePermitsItsOwnRecordsOfTheItemsItNamesOnly() {
        DataScope court = DataScope.of("COURT", List.of("P_COURT_DEFAULTER", "O_COURT_DEFAULTER"), List.of());
        assertThat(court.permits("P_COURT_DEFAULTER", "COURT")).isTrue();
        assertThat(court.permits("P_ADMIN_PENALTY_GENERAL", "COURT")).isFalse();
        assertThat(court.restricted()).isTrue();
    }

    /** F1: agencies delivering the same item do not see each other's records of it by their scope alone. */
    @Test
    void anItemOfTheScopeDoesNotOpenAnotherDepartmentsRecordsOfIt() {
        DataScope police = DataScope.of("PUBLIC_SECURITY", List.of("P_ADMIN_PENALTY_MINOR"), List.of());
        assertThat(police.permits("P_ADMIN_PENALTY_MINOR", "PUBLIC_SECURITY")).isTrue();
        assertThat(police.permits("P_ADMIN_PENALTY_MINOR", "MARKET")).isFalse();
        assertThat(police.permits("P_ADMIN_PENALTY_MINOR", null)).isFalse();
    }

    @Test
    void anItemGrantedForReadingOthersRecordsOpensThemToo() {
        DataScope police = DataScope.of("PUBLIC_SECURITY", List.of("P_ADMIN_PENALTY_MINOR"),
                List.of("P_ADMIN_PENALTY_MINOR", "P_COMMITMENT"));
        assertThat(police.permits("P_ADMIN_PENALTY_MINOR", "MARKET")).isTrue();
        assertThat(police.permits("P_COMMITMENT", "HOUSING")).isTrue();
        assertThat(police.permits("P_QUALIFICATION", "EDUCATION")).isFalse();
    }

    @Test
    void theCreditOfficesScopePermitsEveryRecord() {
        assertThat(DataScope.everyItem().permits("P_TAX_ARREARS", "TAX")).isTrue();
        assertThat(DataScope.everyItem().restricted()).isFalse();
    }
}
