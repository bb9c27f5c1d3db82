package cn.chengxin.account.domain;

import java.util.Collection;
import java.util.EnumSet;

/** No account may hold two of the three administrators' roles (三员分立). */
public final class AdminRoles {

    private AdminRoles() {
    }

    public static void requireSeparated(Collection<AdminKind> kindsHeld) {
        EnumSet<AdminKind> distinct = kindsHeld.isEmpty() ? EnumSet.noneOf(AdminKind.class) : EnumSet.copyOf(kindsHeld);
        if (distinct.size() > 1) {
            throw new AdminSeparationViolation(distinct);
        }
    }
}
