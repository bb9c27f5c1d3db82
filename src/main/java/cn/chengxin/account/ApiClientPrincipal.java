package cn.chengxin.account;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;

/** A department system, institution or partner platform authenticated by its API key. */
public record ApiClientPrincipal(UUID clientId, String name, String organisation, String departmentCode,
                                 String keyPrefix, Set<Permission> permissions, int ratePerMinute)
        implements Actor, Serializable {

    public ApiClientPrincipal {
        departmentCode = departmentCode == null ? "" : departmentCode;
        permissions = Set.copyOf(permissions);
    }

    @Override
    public ActorKind actorKind() {
        return ActorKind.API_CLIENT;
    }

    @Override
    public String actorId() {
        return clientId.toString();
    }

    @Override
    public String actorName() {
        return name;
    }

    @Override
    public String toString() {
        return name + " (" + keyPrefix + ")";
    }
}
