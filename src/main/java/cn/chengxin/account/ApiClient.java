package cn.chengxin.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;

/** An API client as the console lists it: the key itself is never kept, only its prefix and hash. */
public record ApiClient(UUID id, String name, String organisation, Kind kind, String departmentCode, String keyPrefix,
                        Set<Permission> permissions, int ratePerMinute, Instant createdAt, String createdBy,
                        Instant revokedAt, Instant lastUsedAt) {

    public ApiClient {
        permissions = Set.copyOf(permissions);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public enum Kind {
        DEPARTMENT("部门业务系统"), INSTITUTION("授权机构"), PARTNER_PLATFORM("合作平台");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
