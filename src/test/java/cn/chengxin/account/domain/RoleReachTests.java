package cn.chengxin.account.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.chengxin.account.Department;
import cn.chengxin.shared.security.Permission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleReachTests {

    /** The base roles' permissions as seeded (V6 onwards), enough to tell them apart. */
    private static final Set<Permission> CREDIT_OFFICE = EnumSet.of(Permission.CONSOLE_HOME, Permission.SUBJECT_READ,
            Permission.CATALOG_EDIT, Permission.LIST_REVIEW, Permission.REPAIR_DECIDE, Permission.LIST_PROPOSE);
    private static final Set<Permission> DEPT_OPERATOR = EnumSet.of(Permission.CONSOLE_HOME, Permission.SUBJECT_READ,
            Permission.RECORD_SUBMIT, Permission.LIST_PROPOSE, Permission.MEASURE_LIFTED, Permission.OBJECTION_ANSWER);
    private static final Set<Permission> DEPT_CREDIT = EnumSet.of(Permission.CONSOLE_HOME,
            Permission.INQUIRY_GOVERNMENT);

    @Test
    void aRoleWithTheCreditOfficesWorkIsGivenOnlyInTheCreditOffice() {
        assertThat(RoleReach.grantableTo(null, CREDIT_OFFICE)).containsExactly(Department.Kind.CREDIT_OFFICE);
        assertThat(RoleReach.mayGrant(null, CREDIT_OFFICE, Department.Kind.CREDIT_OFFICE)).isTrue();
        assertThat(RoleReach.mayGrant(null, CREDIT_OFFICE, Department.Kind.DATA_PROVIDER)).isFalse();
        assertThat(RoleReach.mayGrant(null, CREDIT_OFFICE, Department.Kind.RESPONDING_UNIT)).isFalse();
        // One cross-department duty is enough, whatever else the role holds.
        assertThat(RoleReach.mayGrant(null, List.of(Permission.CONSOLE_HOME, Permission.OBJECTION_HANDLE),
                Department.Kind.DATA_PROVIDER)).isFalse();
        assertThat(RoleReach.firstCreditOfficeDuty(CREDIT_OFFICE)).contains(Permission.CATALOG_EDIT);
    }

    @Test
    void aDepartmentsRoleIsGivenToAnyKindOfDepartment() {
        for (Set<Permission> role : List.of(DEPT_OPERATOR, DEPT_CREDIT, Set.<Permission>of())) {
            assertThat(RoleReach.grantableTo(null, role)).containsExactlyInAnyOrder(Department.Kind.values());
            assertThat(RoleReach.firstCreditOfficeDuty(role)).isEmpty();
        }
    }

    @Test
    void everyPermissionNotADepartmentsOwnDutyIsTheCreditOffices() {
        Set<Permission> departments = EnumSet.of(Permission.CONSOLE_HOME, Permission.SUBJECT_READ,
                Permission.RECORD_SUBMIT, Permission.LIST_PROPOSE, Permission.MEASURE_LIFTED,
                Permission.INQUIRY_GOVERNMENT, Permission.OBJECTION_ANSWER);
        for (Permission p : Permission.values()) {
            assertThat(RoleReach.mayGrant(null, Set.of(p), Department.Kind.DATA_PROVIDER)).as(p.code())
                    .isEqualTo(departments.contains(p));
        }
    }

    @Test
    void theAdministratorsRolesAreLeftToTheSeparationOfTheThree() {
        for (AdminKind kind : AdminKind.values()) {
            assertThat(RoleReach.grantableTo(kind, AdminPermissions.allowedFor(kind)))
                    .containsExactlyInAnyOrder(Department.Kind.values());
        }
    }
}
