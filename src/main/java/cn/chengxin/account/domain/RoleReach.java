package cn.chengxin.account.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.chengxin.account.Department;
import cn.chengxin.shared.security.Permission;

/**
 * Which kinds of department a role may be given to (RULES.md §10: least privilege, department data scope; GB/T
 * 22239-2019 §8.1.4.2 "授予管理用户所需的最小权限"). A department's staff deliver their own records, answer the
 * objections and checks routed to them and query within their duties, all within their department's data scope. The
 * credit office's work spans every department: it keeps the catalogue, reviews lists, approves rules and measures,
 * decides repairs, handles objections and tip-offs, runs the window and the exchange. A role holding any of that work
 * is a credit-office role: given to a department's user, it would let one bureau decide over all the others' records.
 *
 * <p>The reach is derived from the role's permissions, not stored beside them: a stored label could disagree with what
 * the role lets its holder do, and the rule would then rest on the administrator labelling it rightly. It fails
 * closed: a permission not named here as a department's duty (a new one too) makes a role the credit office's.
 *
 * <p>The three administrators' roles are outside this rule: their permissions run the platform, not anyone's
 * records, and {@link AdminRoles} keeps them apart (三员分立).
 */
public final class RoleReach {

    /** What a department's own staff do, each within their department's data scope. */
    private static final Set<Permission> DEPARTMENT_DUTIES = EnumSet.of(Permission.CONSOLE_HOME,
            Permission.SUBJECT_READ, Permission.RECORD_SUBMIT, Permission.LIST_PROPOSE, Permission.MEASURE_LIFTED,
            Permission.INQUIRY_GOVERNMENT, Permission.OBJECTION_ANSWER);

    private RoleReach() {
    }

    /** The first (in declaration order) of {@code permissions} that only the credit office's staff may hold. */
    public static Optional<Permission> firstCreditOfficeDuty(Collection<Permission> permissions) {
        return permissions.stream().filter(p -> !DEPARTMENT_DUTIES.contains(p)).sorted().findFirst();
    }

    /** The kinds of department whose users may be given a role of {@code adminKind} holding {@code permissions}. */
    public static Set<Department.Kind> grantableTo(AdminKind adminKind, Collection<Permission> permissions) {
        return adminKind == null && firstCreditOfficeDuty(permissions).isPresent()
                ? EnumSet.of(Department.Kind.CREDIT_OFFICE) : EnumSet.allOf(Department.Kind.class);
    }

    /** Whether a user of a department of {@code kind} may hold such a role. */
    public static boolean mayGrant(AdminKind adminKind, Collection<Permission> permissions, Department.Kind kind) {
        return grantableTo(adminKind, permissions).contains(kind);
    }
}
