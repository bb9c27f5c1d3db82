package cn.chengxin.account;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.DataScope;
import cn.chengxin.shared.security.Permission;

/**
 * A signed-in staff member: who, in which department (of which kind), with which permissions (after the second
 * factor), and the department's data scope, which limits what they see: the catalogue items whose records the
 * department delivered it sees ({@code scopeItems}), and those whose records other departments delivered it reads too
 * ({@code sharedReadItems}).
 */
public record StaffPrincipal(UUID userId, String username, String displayName, UUID departmentId,
                             String departmentCode, String departmentName, Department.Kind departmentKind,
                             List<String> scopeItems, Set<Permission> permissions, List<String> sharedReadItems)
        implements Actor, Serializable {

    public StaffPrincipal {
        // A session kept from before the kind was known comes back without it and without the items: it loads, and
        // the console ends it (StaleStaffSessions), so its user signs in again. One kept from before others' records
        // could be granted comes back without those items: it reads none of them, which denies by default.
        scopeItems = scopeItems == null ? List.of() : List.copyOf(scopeItems);
        sharedReadItems = sharedReadItems == null ? List.of() : List.copyOf(sharedReadItems);
        permissions = Set.copyOf(permissions);
    }

    /** A department's staff member who reads no other department's records. */
    public StaffPrincipal(UUID userId, String username, String displayName, UUID departmentId, String departmentCode,
                          String departmentName, Department.Kind departmentKind, List<String> scopeItems,
                          Set<Permission> permissions) {
        this(userId, username, displayName, departmentId, departmentCode, departmentName, departmentKind, scopeItems,
                permissions, List.of());
    }

    /**
     * The credit office sees every item's records, by its kind: it oversees them all (RULES.md §12). Any other
     * department sees its own records of the items its scope names, and other departments' records of the items it
     * was granted to read, and none when it names none (RULES.md §10: least privilege).
     */
    @Override
    public DataScope dataScope() {
        return departmentKind == Department.Kind.CREDIT_OFFICE ? DataScope.everyItem()
                : DataScope.of(departmentCode, scopeItems, sharedReadItems);
    }

    @Override
    public ActorKind actorKind() {
        return ActorKind.STAFF;
    }

    @Override
    public String actorId() {
        return userId.toString();
    }

    @Override
    public String actorName() {
        return username;
    }

    @Override
    public String organisation() {
        return departmentName;
    }

    @Override
    public String departmentCode() {
        return departmentCode;
    }

    @Override
    public String toString() {
        return username;
    }
}
