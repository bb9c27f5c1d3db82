package cn.chengxin.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;

/**
 * Permissions one security administrator proposed to add to a role, which a second one approves or refuses
 * ({@link RoleProposals}; gaps review xxxi M3): a role widened reaches every holder at once.
 *
 * @param added      the permissions the role gains when approved, in declaration order
 * @param proposedBy the proposer's staff user id, which the decider's is compared with
 */
public record RoleProposal(UUID id, UUID roleId, String roleCode, String roleName, String roleEnglishName,
                           List<Permission> added, String proposedBy, String proposerName, Instant proposedAt,
                           Status status) {

    public RoleProposal {
        added = List.copyOf(added);
    }

    /** The role's name in the reader's language, as {@link Role#nameIn} gives it. */
    public String roleNameIn(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && roleEnglishName != null && !roleEnglishName.isBlank()
                ? roleEnglishName : roleName;
    }

    public enum Status {
        PENDING, APPROVED, REJECTED
    }
}
