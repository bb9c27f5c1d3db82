package cn.chengxin.account;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;

/**
 * A signed-in staff member: who, in which department, with which permissions (after the second factor),
 * and the department's data scope, which limits what they see and submit.
 */
public record StaffPrincipal(UUID userId, String username, String displayName, UUID departmentId,
                             String departmentCode, String departmentName, java.util.List<String> dataScope,
                             Set<Permission> permissions) implements Actor, Serializable {

    public StaffPrincipal {
        dataScope = java.util.List.copyOf(dataScope);
        permissions = Set.copyOf(permissions);
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
