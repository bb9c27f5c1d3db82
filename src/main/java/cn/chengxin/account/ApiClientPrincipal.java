package cn.chengxin.account;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;

/**
 * A department system, institution or partner platform authenticated by its API key.
 *
 * @param institutionId the organisation the key is issued to ({@link ApiInstitution}): what a consent or a benefit
 *                      names, whichever of its keys calls (gaps review xxix K2)
 */
public record ApiClientPrincipal(UUID clientId, UUID institutionId, String name, String organisation,
                                 String departmentCode, String keyPrefix, Set<Permission> permissions,
                                 int ratePerMinute)
        implements Actor, Serializable {

    public ApiClientPrincipal {
        departmentCode = departmentCode == null ? "" : departmentCode;
        permissions = Set.copyOf(permissions);
    }

    /** A key that founded its institution (its first key): the institution bears the key's id. */
    public ApiClientPrincipal(UUID clientId, String name, String organisation, String departmentCode, String keyPrefix,
                              Set<Permission> permissions, int ratePerMinute) {
        this(clientId, clientId, name, organisation, departmentCode, keyPrefix, permissions, ratePerMinute);
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
