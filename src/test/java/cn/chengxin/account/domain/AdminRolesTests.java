package cn.chengxin.account.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.chengxin.shared.DomainProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** 三员分立: an account holds at most one of the system, security and audit administrator kinds. */
class AdminRolesTests {

    @Test
    void theThreeKindsHaveTheirChineseTitles() {
        assertThat(AdminKind.values()).extracting(AdminKind::name).containsExactly("SYSTEM", "SECURITY", "AUDIT");
        assertThat(AdminKind.SYSTEM.label()).isEqualTo("系统管理员");
        assertThat(AdminKind.SECURITY.label()).isEqualTo("安全管理员");
        assertThat(AdminKind.AUDIT.label()).isEqualTo("审计管理员");
    }

    @Test
    void noKindIsAllowed() {
        assertThatCode(() -> AdminRoles.requireSeparated(List.of())).doesNotThrowAnyException();
        assertThat(AdminRoles.violation(List.of())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AdminKind.class)
    void eachKindAloneIsAllowedEvenIfListedTwice(AdminKind kind) {
        assertThatCode(() -> AdminRoles.requireSeparated(List.of(kind))).doesNotThrowAnyException();
        assertThatCode(() -> AdminRoles.requireSeparated(List.of(kind, kind))).doesNotThrowAnyException();
        assertThat(AdminRoles.violation(Set.of(kind))).isEmpty();
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(
                Arguments.of(AdminKind.SYSTEM, AdminKind.SECURITY, "系统管理员、安全管理员"),
                Arguments.of(AdminKind.SYSTEM, AdminKind.AUDIT, "系统管理员、审计管理员"),
                Arguments.of(AdminKind.SECURITY, AdminKind.AUDIT, "安全管理员、审计管理员"),
                Arguments.of(AdminKind.SECURITY, AdminKind.SYSTEM, "系统管理员、安全管理员"),
                Arguments.of(AdminKind.AUDIT, AdminKind.SYSTEM, "系统管理员、审计管理员"),
                Arguments.of(AdminKind.AUDIT, AdminKind.SECURITY, "安全管理员、审计管理员"));
    }

    @ParameterizedTest
    @MethodSource("everyPair")
    void refusesEveryPairOfDistinctKinds(AdminKind first, AdminKind second, String labels) {
        AdminSeparationViolation violation = catchThrowableOfType(AdminSeparationViolation.class,
                () -> AdminRoles.requireSeparated(List.of(first, second)));

        assertThat(violation).isNotNull();
        assertThat(violation.kinds()).isEqualTo(EnumSet.of(first, second));
        assertThat(violation.getMessage()).contains(labels);
        assertThat(AdminRoles.violation(List.of(first, second))).isPresent();
    }

    @Test
    void refusesAllThree() {
        AdminSeparationViolation violation = catchThrowableOfType(AdminSeparationViolation.class,
                () -> AdminRoles.requireSeparated(EnumSet.allOf(AdminKind.class)));

        assertThat(violation).isNotNull();
        assertThat(violation.kinds()).containsExactly(AdminKind.SYSTEM, AdminKind.SECURITY, AdminKind.AUDIT);
    }

    @Test
    void theViolationIsADomainProblemWithAStableCode() {
        DomainProblem problem = new AdminSeparationViolation(EnumSet.of(AdminKind.SYSTEM, AdminKind.AUDIT));

        assertThat(problem.code()).isEqualTo("ADMIN_ROLES_SEPARATED");
        assertThat(problem.kind()).isEqualTo(DomainProblem.Kind.CONFLICT);
        assertThat(problem.getMessage()).isEqualTo("三员分立：同一账号不得兼任系统管理员、审计管理员（GB/T 22239-2019）");
    }

    @Test
    void anAdministratorsCredentialsAreResetOnlyByAnAdministratorOfTheSameKind() {
        assertThat(AdminRoles.mayResetCredentials(List.of(AdminKind.SYSTEM), List.of(AdminKind.SYSTEM))).isTrue();
        assertThat(AdminRoles.mayResetCredentials(List.of(AdminKind.SYSTEM), List.of(AdminKind.SECURITY))).isFalse();
        assertThat(AdminRoles.mayResetCredentials(List.of(AdminKind.SYSTEM), List.of(AdminKind.AUDIT))).isFalse();
        assertThat(AdminRoles.mayResetCredentials(List.of(), List.of(AdminKind.SECURITY)))
                .as("nor by someone holding no administrator's role").isFalse();
    }

    @Test
    void aBusinessUsersCredentialsAreResetByAnyone() {
        assertThat(AdminRoles.mayResetCredentials(List.of(AdminKind.SYSTEM), List.of())).isTrue();
        assertThat(AdminRoles.mayResetCredentials(List.of(), List.of())).isTrue();
    }

    /** Gaps review xxxi M3: an administrator's account holds no business role (null: a business role's kind). */
    @Test
    void anAdministratorsRoleBesideABusinessRoleIsMixedAndNothingElseIs() {
        assertThat(AdminRoles.mixedWithBusiness(java.util.Arrays.asList(AdminKind.AUDIT, null))).isTrue();
        assertThat(AdminRoles.mixedWithBusiness(java.util.Arrays.asList(null, AdminKind.SECURITY))).isTrue();
        assertThat(AdminRoles.mixedWithBusiness(java.util.Arrays.asList(null, null))).as("two business roles")
                .isFalse();
        assertThat(AdminRoles.mixedWithBusiness(List.of(AdminKind.SYSTEM))).isFalse();
        assertThat(AdminRoles.mixedWithBusiness(List.of())).isFalse();
    }
}
