package cn.chengxin.shared.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataScopeTests {

    @Test
    void aScopeNamingNoItemPermitsNone() {
        DataScope none = DataScope.of(List.of());
        assertThat(none.permits("P_COURT_DEFAULTER")).isFalse();
        assertThat(none.restricted()).isTrue();
        assertThat(DataScope.noItem().permits("P_ADMIN_PENALTY_GENERAL")).isFalse();
    }

    @Test
    void aDepartmentsScopePermitsTheItemsItNamesOnly() {
        DataScope court = DataScope.of(List.of("P_COURT_DEFAULTER", "O_COURT_DEFAULTER"));
        assertThat(court.permits("P_COURT_DEFAULTER")).isTrue();
        assertThat(court.permits("P_ADMIN_PENALTY_GENERAL")).isFalse();
        assertThat(court.restricted()).isTrue();
    }

    @Test
    void theCreditOfficesScopePermitsEveryItem() {
        assertThat(DataScope.everyItem().permits("P_TAX_ARREARS")).isTrue();
        assertThat(DataScope.everyItem().restricted()).isFalse();
    }
}
