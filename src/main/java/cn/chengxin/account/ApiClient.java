package cn.chengxin.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.domain.AllowedAddresses;
import cn.chengxin.account.domain.ApiKeyValidity;
import cn.chengxin.account.domain.KeyAddressRule;
import cn.chengxin.shared.security.Permission;

/**
 * An API client as the console lists it: the key itself is never kept, only its prefix and hash.
 *
 * @param institutionId    the organisation the key is issued to ({@link ApiInstitution}): the first key's id, kept by
 *                         every key that renews it, so that what citizens and the credit office bound to the
 *                         institution outlives each key (gaps review xxix K2)
 * @param expiresAt        when the key stops being accepted ({@link ApiKeyValidity}); null for a demo key the platform seeds
 * @param allowedAddresses the networks the key may be used from ({@link AllowedAddresses}, normalised); empty for any
 * @param departmentId     the department a department's system acts for; null for other kinds
 * @param revokeGround     why the key was revoked (gaps review xxx L4); null while it is not, or for a key revoked
 *                         before grounds were recorded
 * @param revokeReference  the reference of the decision or case behind the revocation; null with the ground
 * @param anyAddressReason why the key names no network, as written when it was proposed (gaps review xxxi M7); null
 *                         for a key that names networks, or one issued before a reason was asked for
 * @param creditCode       the institution's unified social credit code ({@link
 *                         cn.chengxin.account.domain.InstitutionCode}, canonical) as its proposal gave it; null when
 *                         none was given (gaps review xxx L4)
 * @param rotatedFrom      the key this one replaced when its holder rotated it ({@code POST /api/v1/keys/rotate}, gaps
 *                         review xxxvii-api R7); null for a key two administrators issued
 * @param replacedAt       when the key stops being accepted because its holder rotated it (the rotation plus the
 *                         overlap asked for); null for a key never rotated
 */
public record ApiClient(UUID id, UUID institutionId, String name, String organisation, Kind kind,
                        String departmentCode, String keyPrefix, Set<Permission> permissions, int ratePerMinute,
                        Instant createdAt, String createdBy, Instant revokedAt, Instant lastUsedAt, Instant expiresAt,
                        List<String> allowedAddresses, UUID departmentId, ViolationGround revokeGround,
                        String revokeReference, String anyAddressReason, String creditCode, UUID rotatedFrom,
                        Instant replacedAt) {

    public ApiClient {
        permissions = Set.copyOf(permissions);
        allowedAddresses = List.copyOf(allowedAddresses);
    }

    /**
     * Whether the key answers from any address with nobody having said why (gaps review xxxi M7): marked on the API
     * clients page and counted on 工作台, so that its successor names networks or gives the reason.
     */
    public boolean addressesUnexplained() {
        return KeyAddressRule.unexplained(AllowedAddresses.of(allowedAddresses), anyAddressReason);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Whether the key is refused at {@code now} for its age (RULES.md §10, {@link ApiKeyValidity}). */
    public boolean expired(Instant now) {
        return ApiKeyValidity.expired(expiresAt, now);
    }

    /** Whether the key is accepted at {@code now}: neither revoked, expired nor replaced by its holder's rotation. */
    public boolean live(Instant now) {
        return !revoked() && !expired(now) && !replaced(now);
    }

    /**
     * Whether its holder rotated the key and the overlap it asked for is over at {@code now}: the key is refused like
     * a revoked one (gaps review xxxvii-api R7).
     */
    public boolean replaced(Instant now) {
        return replacedAt != null && !now.isBefore(replacedAt);
    }

    /** When the key stops being accepted: the earlier of its expiry and its rotation's overlap end; null: never. */
    public Instant endsAt() {
        return ApiKeyValidity.endsAt(expiresAt, replacedAt);
    }

    /** Whether the key was rotated by its holder: it stops at {@link #replacedAt}, or stopped already. */
    public boolean rotated() {
        return replacedAt != null;
    }

    /** Whether the key is the one its holder made by rotation, a secret no member of the platform's staff saw. */
    public boolean heldOnlyByHolder() {
        return rotatedFrom != null;
    }

    /** Whether the key, still valid, expires within {@link ApiKeyValidity#WARNING}: its replacement is due. */
    public boolean expiringSoon(Instant now) {
        return ApiKeyValidity.expiringSoon(expiresAt, now);
    }

    /**
     * Who stands behind a key. Only a department's system acts for a department: it checks subjects for the measures
     * its department implements and submits its department's records, so its key is bound to that department. An
     * institution obtains a report only with the citizen's authorisation (RULES.md §9), and neither it nor a partner
     * platform may check subjects or submit records at all (least privilege, RULES.md §10).
     */
    public enum Kind {
        DEPARTMENT("部门业务系统"), INSTITUTION("授权机构"), PARTNER_PLATFORM("合作平台");

        /** What a department does in its own name: only its own systems' keys hold these. */
        private static final Set<Permission> DEPARTMENTS_OWN = Set.of(Permission.API_SUBJECT_CHECK,
                Permission.RECORD_SUBMIT, Permission.RECORD_MIGRATE, Permission.LIST_MIGRATE);

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * A department's system and an institution's server call from networks their operators know, so their keys
         * name those networks or give a reason for any address (gaps review xxxi M7); a partner platform's need not.
         */
        public boolean needsAddresses() {
            return this == DEPARTMENT || this == INSTITUTION;
        }

        /** A department's system acts in its department's name: its key names the department. */
        public boolean needsDepartment() {
            return this == DEPARTMENT;
        }

        /**
         * A report by the citizen's authorisation (授权查询) is what an institution asks for: a department queries in the
         * console for its stated government purpose (政务查询), a partner platform exchanges lists and records, and
         * neither obtains reports through a citizen's authorisation code (RULES.md §9, least privilege §10).
         */
        public boolean mayHold(Permission permission) {
            if (permission == Permission.API_REPORT_QUERY) {
                return this == INSTITUTION;
            }
            // 信用惠民核验 is for whoever grants a benefit: a department's system or an institution (a library, bank or
            // hospital), each answered only its own benefits; a partner platform grants none (RULES.md §8, §10).
            if (permission == Permission.API_BENEFITS_CHECK) {
                return this != PARTNER_PLATFORM;
            }
            return this == DEPARTMENT || !DEPARTMENTS_OWN.contains(permission);
        }
    }
}
