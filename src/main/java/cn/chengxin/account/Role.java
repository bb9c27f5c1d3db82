package cn.chengxin.account;

import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.domain.AdminKind;
import cn.chengxin.shared.security.Permission;

/** A role: a named set of permission codes; {@code adminKind} marks the three administrators' roles. */
public record Role(UUID id, String code, String name, AdminKind adminKind, Set<Permission> permissions) {

    public Role {
        permissions = Set.copyOf(permissions);
    }
}
