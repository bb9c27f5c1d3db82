package cn.chengxin.account;

import java.util.List;
import java.util.Set;

import cn.chengxin.audit.AuditDetail;
import cn.chengxin.shared.security.Permission;

/**
 * The audit details of a key's proposal and approval (K7 structured details; gaps review xxxi M7): each names where
 * the key may be used from, or, for a key usable from any address, the reason written for it, so that the auditor
 * reads who let a key answer from anywhere and why.
 */
final class KeyProposalDetails {

    private KeyProposalDetails() {
    }

    /** A key proposed afresh, {@code reason} null unless it names no network. */
    static AuditDetail proposed(ApiKeyProposal p) {
        AuditDetail detail = (p.anyAddressReason() == null ? AuditDetail.of("API_KEY_PROPOSED")
                : AuditDetail.of("API_KEY_PROPOSED_ANY_ADDRESS"))
                .with("name", p.name()).withLabel("kind", "console.apiClients.kind." + p.kind())
                .with("permissions", codes(p.permissions()));
        AuditDetail reached = reach(detail, p.allowedAddresses(), p.anyAddressReason());
        // The institution's unified social credit code, when given (gaps review xxx L4).
        return p.creditCode() == null ? reached : reached.with("creditCode", p.creditCode());
    }

    /** A key's successor proposed, bound as the key or with the networks or reason given now. */
    static AuditDetail renewalProposed(ApiKeyProposal p) {
        AuditDetail detail = (p.anyAddressReason() == null ? AuditDetail.of("API_KEY_RENEWAL_PROPOSED")
                : AuditDetail.of("API_KEY_RENEWAL_PROPOSED_ANY_ADDRESS"))
                .with("name", p.name()).with("renews", p.renewsPrefix());
        return reach(detail, p.allowedAddresses(), p.anyAddressReason());
    }

    /** The second administrator's approval: the key issued, and where from it may be used. */
    static AuditDetail approved(ApiKeyProposal p, String prefix) {
        AuditDetail detail = (p.anyAddressReason() == null ? AuditDetail.of("API_KEY_APPROVED")
                : AuditDetail.of("API_KEY_APPROVED_ANY_ADDRESS"))
                .with("name", p.name()).with("prefix", prefix).with("proposer", p.proposerName())
                .with("renews", p.renewal() ? p.renewsPrefix() : "—");
        return reach(detail, p.allowedAddresses(), p.anyAddressReason());
    }

    /** The networks, "any" for a key that names none (a partner platform's may), or the reason given. */
    private static AuditDetail reach(AuditDetail detail, List<String> addresses, String reason) {
        if (reason != null) {
            return detail.with("reason", reason);
        }
        return addresses.isEmpty() ? detail.withLabel("addresses", "console.apiClients.anyAddress")
                : detail.with("addresses", String.join(", ", addresses));
    }

    private static String codes(Set<Permission> permissions) {
        return String.join(" ", permissions.stream().map(Permission::code).sorted().toList());
    }
}
