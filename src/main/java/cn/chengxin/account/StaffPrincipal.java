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
 * factor), and the catalogue items of the department's data scope ({@code scopeItems}), which limit what they see.
 */
public record StaffPrincipal(UUID userId, String username, String displayName, UUID departmentId,
                             String departmentCode, String departmentName, Department.Kind departmentKind,
                             List<String> scopeItems, Set<Permission> permissions) implements Actor, Serializable {

    public StaffPrincipal {
        // A session kept from before the kind was known comes back without it and without the items: it loads, and
        // the console ends it (StaleStaffSessions), so its user signs in again.
        scopeItems = scopeItems == null ? List.of() : List.copyOf(scopeItems);
        permissions = Set.copyOf(permissions);
    }

    /**
     * The credit office sees every item's records, by its kind: it oversees them all (RULES.md §12). Any other
     * department sees the items its scope names, and none when it names none (RULES.md §10: least privilege).
     */
    @Override
    public DataScope dataScope() {
        return departmentKind == Department.Kind.CREDIT_OFFICE ? DataScope.everyItem() : DataScope.of(scopeItems);
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
