package cn.chengxin.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;

/**
 * A key for a program as one system administrator proposed it, waiting for another's decision (issue #3). It holds
 * what the key will be bound to, never a key: the key is made when the proposal is approved.
 *
 * @param proposedBy       the proposer's staff user id, which the decider's is compared with
 * @param allowedAddresses the networks the key will be usable from (normalised CIDR blocks); empty for any
 * @param renews           the key this one succeeds, bound as it was, whose institution the new key joins (gaps review
 *                         xxix K2); null for a key proposed afresh, which founds an institution of its own
 * @param renewsPrefix     the predecessor's key prefix, for the administrators; null with {@code renews}
 * @param anyAddressReason why the key is to name no network, shown to the approving administrator (gaps review xxxi
 *                         M7); null when it names networks
 * @param creditCode       the institution's unified social credit code (GB 32100-2015, canonical), optional; a
 *                         renewal carries its key's (gaps review xxx L4)
 */
public record ApiKeyProposal(UUID id, String name, String organisation, ApiClient.Kind kind, UUID departmentId,
                             String departmentCode, Set<Permission> permissions, int ratePerMinute, String proposedBy,
                             String proposerName, Instant proposedAt, Status status, List<String> allowedAddresses,
                             UUID renews, String renewsPrefix, String anyAddressReason, String creditCode) {

    public ApiKeyProposal {
        permissions = Set.copyOf(permissions);
        allowedAddresses = List.copyOf(allowedAddresses);
    }

    public boolean renewal() {
        return renews != null;
    }

    public enum Status {
        PENDING, APPROVED, REJECTED
    }
}
