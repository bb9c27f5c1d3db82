package cn.chengxin.account;

import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.domain.AdminKind;
import cn.chengxin.account.domain.RoleReach;
import cn.chengxin.shared.security.Permission;

/**
 * A role: a named set of permission codes; {@code adminKind} marks the three administrators' roles. {@code englishName}
 * is what the console shows an English reader, {@code null} for a role that has none (the Chinese name stands in).
 */
public record Role(UUID id, String code, String name, String englishName, AdminKind adminKind,
                   Set<Permission> permissions) {

    public Role {
        permissions = Set.copyOf(permissions);
    }

    /** The name in the reader's language: the English name for an English reader when there is one. */
    public String nameIn(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && englishName != null && !englishName.isBlank() ? englishName : name;
    }

    /** The kinds of department whose users may hold this role ({@link RoleReach}: a credit-office role only there). */
    public Set<Department.Kind> grantableTo() {
        return RoleReach.grantableTo(adminKind, permissions);
    }
}
