package cn.chengxin.account.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import cn.chengxin.shared.security.Permission;

/**
 * The business roles a security administrator creates (新建角色), e.g. a narrower set for a 区县信用办 clerk. RULES.md
 * §10 (separation of the three administrators, least privilege; GB/T 22239-2019 §8.1.4.2): a created role is a
 * business role, so it may hold only business permissions, never one reserved to the system, security or audit
 * administrator ({@link AdminPermissions#isAdministrative}); otherwise a new role would be a fourth administrator that
 * the separation does not see. The administrators' own roles are the seeded ones and are never created.
 */
public final class BusinessRoles {

    /** Upper-case letters, digits and underscores, starting with a letter: the code is stable and shown as is. */
    private static final String CODE = "[A-Z][A-Z0-9_]{1,31}";
    private static final int MAX_NAME = 50;

    private BusinessRoles() {
    }

    /** Whether a business role may hold {@code permission}. */
    public static boolean mayHold(Permission permission) {
        return !AdminPermissions.isAdministrative(permission);
    }

    /** The first of {@code permissions} a business role may not hold, if any. */
    public static Optional<Permission> firstNotAllowed(Collection<Permission> permissions) {
        return permissions.stream().filter(p -> !mayHold(p)).sorted().findFirst();
    }

    /** The code as stored: trimmed and upper-cased. */
    public static String normaliseCode(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    /** Whether the (normalised) code and both names make a valid role: a well-formed code, two non-blank names. */
    public static boolean valid(String normalisedCode, String name, String englishName) {
        return normalisedCode.matches(CODE) && named(name) && named(englishName);
    }

    private static boolean named(String name) {
        return name != null && !name.isBlank() && name.trim().length() <= MAX_NAME;
    }
}
