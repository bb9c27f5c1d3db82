package cn.chengxin.account.domain;

import java.util.EnumSet;
import java.util.Set;

import cn.chengxin.shared.security.Permission;

/**
 * What each of the three administrators' roles may hold (三员分立, GB/T 22239-2019 8.1.4.2): the system
 * administrator runs accounts and configuration, the security administrator roles and permissions, the
 * audit administrator only reads and verifies the audit log. A role of one kind can never be given a
 * permission of another, so the separation cannot be undone by editing a role.
 */
public final class AdminPermissions {

    private AdminPermissions() {
    }

    public static Set<Permission> allowedFor(AdminKind kind) {
        return switch (kind) {
            case SYSTEM -> EnumSet.of(Permission.CONSOLE_HOME, Permission.ACCOUNT_USER_MANAGE,
                    Permission.ACCOUNT_DEPARTMENT_MANAGE, Permission.ACCOUNT_API_CLIENT_MANAGE);
            case SECURITY -> EnumSet.of(Permission.CONSOLE_HOME, Permission.ACCOUNT_ROLE_MANAGE);
            case AUDIT -> EnumSet.of(Permission.CONSOLE_HOME, Permission.AUDIT_READ, Permission.AUDIT_VERIFY);
        };
    }

    /** Permissions reserved to an administrator kind: a business role may not hold them either. */
    public static boolean isAdministrative(Permission permission) {
        return permission != Permission.CONSOLE_HOME && (allowedFor(AdminKind.SYSTEM).contains(permission)
                || allowedFor(AdminKind.SECURITY).contains(permission)
                || allowedFor(AdminKind.AUDIT).contains(permission));
    }
}
