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
 */
public record ApiKeyProposal(UUID id, String name, String organisation, ApiClient.Kind kind, UUID departmentId,
                             String departmentCode, Set<Permission> permissions, int ratePerMinute, String proposedBy,
                             String proposerName, Instant proposedAt, Status status, List<String> allowedAddresses) {

    public ApiKeyProposal {
        permissions = Set.copyOf(permissions);
        allowedAddresses = List.copyOf(allowedAddresses);
    }

    public enum Status {
        PENDING, APPROVED, REJECTED
    }
}
