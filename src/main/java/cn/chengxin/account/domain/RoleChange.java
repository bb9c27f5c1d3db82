package cn.chengxin.account.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import cn.chengxin.shared.security.Permission;

/**
 * What a change of a role's permissions does, split by who must agree to it (RULES.md §10: least privilege,
 * separation of duties; gaps review xxxi M3). Taking permissions away from everyone who holds a role only lessens
 * what they may do, so one security administrator does it at once. Adding one hands every holder new access to
 * people's data at once, so it waits for a second security administrator.
 *
 * @param narrowed what the role holds once the permissions taken away are gone: the current ones still wanted
 * @param added    the wanted permissions the role does not hold yet, which only a second person adds
 */
public record RoleChange(Set<Permission> narrowed, Set<Permission> added) {

    public RoleChange {
        narrowed = Set.copyOf(narrowed);
        added = Set.copyOf(added);
    }

    /** The change from the role's {@code current} permissions to the {@code wanted} ones. */
    public static RoleChange between(Collection<Permission> current, Collection<Permission> wanted) {
        Set<Permission> narrowed = copy(current);
        narrowed.retainAll(wanted);
        Set<Permission> added = copy(wanted);
        added.removeAll(current);
        return new RoleChange(narrowed, added);
    }

    /** Whether the change adds anything, so that a second security administrator must approve that part. */
    public boolean widens() {
        return !added.isEmpty();
    }

    /** Whether the change takes anything away from {@code current}, which applies at once. */
    public boolean narrows(Collection<Permission> current) {
        return narrowed.size() < copy(current).size();
    }

    private static Set<Permission> copy(Collection<Permission> permissions) {
        return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }
}
