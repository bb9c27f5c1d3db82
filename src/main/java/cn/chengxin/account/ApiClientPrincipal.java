package cn.chengxin.account;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.domain.ApiKeyValidity;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;

/**
 * A department system, institution or partner platform authenticated by its API key.
 *
 * @param institutionId    the organisation the key is issued to ({@link ApiInstitution}): what a consent or a benefit
 *                         names, whichever of its keys calls (gaps review xxix K2)
 * @param kind             what stands behind the key; null only where a test builds a principal without it
 * @param allowedAddresses the networks the key may be used from, as its row names them (empty: any)
 * @param expiresAt        when the key expires (null: never, a demo key)
 * @param replacedAt       when the key stops because its holder rotated it (null: not rotated); these last four are
 *                         read with the key, so that {@code whoami} tells them without a query (gaps review
 *                         xxxvii-api R7)
 */
public record ApiClientPrincipal(UUID clientId, UUID institutionId, String name, String organisation,
                                 String departmentCode, String keyPrefix, Set<Permission> permissions,
                                 int ratePerMinute, ApiClient.Kind kind, List<String> allowedAddresses,
                                 Instant expiresAt, Instant replacedAt)
        implements Actor, Serializable {

    public ApiClientPrincipal {
        departmentCode = departmentCode == null ? "" : departmentCode;
        permissions = Set.copyOf(permissions);
        allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
    }

    /** A principal as tests build it: a key of no stated kind, from any address, that never expires. */
    public ApiClientPrincipal(UUID clientId, UUID institutionId, String name, String organisation,
                              String departmentCode, String keyPrefix, Set<Permission> permissions,
                              int ratePerMinute) {
        this(clientId, institutionId, name, organisation, departmentCode, keyPrefix, permissions, ratePerMinute, null,
                List.of(), null, null);
    }

    /** A key that founded its institution (its first key): the institution bears the key's id. */
    public ApiClientPrincipal(UUID clientId, String name, String organisation, String departmentCode, String keyPrefix,
                              Set<Permission> permissions, int ratePerMinute) {
        this(clientId, clientId, name, organisation, departmentCode, keyPrefix, permissions, ratePerMinute);
    }

    /** When the key stops being accepted: the earlier of its expiry and its rotation's end; null: never. */
    public Instant endsAt() {
        return ApiKeyValidity.endsAt(expiresAt, replacedAt);
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
