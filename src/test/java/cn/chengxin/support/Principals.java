package cn.chengxin.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Signed-in users for MockMvc requests: a citizen of a subject, a staff member of a department with permissions. */
public final class Principals {

    private Principals() {
    }

    public static UsernamePasswordAuthenticationToken citizen(SubjectRegistry subjects, UUID subject) {
        CitizenPrincipal principal = new CitizenPrincipal(UUID.randomUUID(), subject,
                subjects.pseudonymOf(subject).orElseThrow(), "某*");
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(
                new SimpleGrantedAuthority("CITIZEN"), new SimpleGrantedAuthority(Permission.SELF_SERVICE.code())));
    }

    /**
     * A staff member of the department coded {@code departmentCode}: the credit office's sees every item's records,
     * any other department's none (its scope names no item); {@link #member} gives a department's own scope.
     */
    public static UsernamePasswordAuthenticationToken staff(String username, String departmentCode,
                                                            Permission... permissions) {
        Department.Kind kind = "CREDIT_OFFICE".equals(departmentCode) ? Department.Kind.CREDIT_OFFICE
                : Department.Kind.DATA_PROVIDER;
        return authenticated(new StaffPrincipal(UUID.randomUUID(), username, "测试", UUID.randomUUID(),
                departmentCode, departmentCode, kind, List.of(), Set.of(permissions)), permissions);
    }

    /** A staff member of {@code department} as signing in makes them: of its kind, with its data scope. */
    public static UsernamePasswordAuthenticationToken member(String username, Department department,
                                                             Permission... permissions) {
        return authenticated(new StaffPrincipal(UUID.randomUUID(), username, "测试", department.id(),
                department.code(), department.name(), department.kind(), department.dataScope(),
                Set.of(permissions), department.sharedReadScope()), permissions);
    }

    private static UsernamePasswordAuthenticationToken authenticated(StaffPrincipal principal,
                                                                     Permission... permissions) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("STAFF"));
        for (Permission p : permissions) {
            authorities.add(new SimpleGrantedAuthority(p.code()));
        }
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }
}
