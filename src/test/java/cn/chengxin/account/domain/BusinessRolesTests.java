package cn.chengxin.account.domain;

import java.util.List;

import cn.chengxin.shared.security.Permission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessRolesTests {

    @Test
    void aBusinessRoleHoldsBusinessPermissionsOnly() {
        assertThat(BusinessRoles.mayHold(Permission.CONSOLE_HOME)).isTrue();
        assertThat(BusinessRoles.mayHold(Permission.SUBJECT_READ)).isTrue();
        assertThat(BusinessRoles.mayHold(Permission.RECORD_SUBMIT)).isTrue();
        for (AdminKind kind : AdminKind.values()) {
            AdminPermissions.allowedFor(kind).stream().filter(p -> p != Permission.CONSOLE_HOME)
                    .forEach(p -> assertThat(BusinessRoles.mayHold(p)).as(p.code()).isFalse());
        }
    }

    @Test
    void theFirstAdministrativePermissionIsNamed() {
        assertThat(BusinessRoles.firstNotAllowed(List.of(Permission.SUBJECT_READ, Permission.AUDIT_READ)))
                .contains(Permission.AUDIT_READ);
        assertThat(BusinessRoles.firstNotAllowed(List.of(Permission.SUBJECT_READ, Permission.LIST_REVIEW))).isEmpty();
    }

    @Test
    void aRoleNeedsAWellFormedCodeAndBothNames() {
        assertThat(BusinessRoles.normaliseCode(" county_clerk ")).isEqualTo("COUNTY_CLERK");
        assertThat(BusinessRoles.valid("COUNTY_CLERK", "区县信用办业务人员", "County credit office clerk")).isTrue();
        assertThat(BusinessRoles.valid("1CLERK", "区县", "County")).isFalse();
        assertThat(BusinessRoles.valid("C", "区县", "County")).isFalse();
        assertThat(BusinessRoles.valid("COUNTY-CLERK", "区县", "County")).isFalse();
        assertThat(BusinessRoles.valid("COUNTY_CLERK", " ", "County")).isFalse();
        assertThat(BusinessRoles.valid("COUNTY_CLERK", "区县", null)).isFalse();
        assertThat(BusinessRoles.valid("COUNTY_CLERK", "区".repeat(51), "County")).isFalse();
    }
}
