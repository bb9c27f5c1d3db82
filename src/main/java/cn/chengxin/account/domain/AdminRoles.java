package cn.chengxin.account.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The separation of the three administrators (三员分立): no account may hold two of the {@link AdminKind}s,
 * so that no one person can both act and approve or audit their own actions. GB/T 22239-2019 level 3
 * requires "实现管理用户的权限分离" (§8.1.4.2 d) and separate system, audit and security administration
 * (§8.1.5.1–§8.1.5.3). Checked whenever roles are granted, before anything is stored.
 */
public final class AdminRoles {

    private AdminRoles() {
    }

    /**
     * The violation if {@code kindsHeld} (the kinds an account would hold, repeats allowed) contains two or
     * more distinct kinds; empty if it holds at most one.
     */
    public static Optional<AdminSeparationViolation> violation(Collection<AdminKind> kindsHeld) {
        Objects.requireNonNull(kindsHeld, "kindsHeld");
        Set<AdminKind> distinct = EnumSet.noneOf(AdminKind.class);
        for (AdminKind kind : kindsHeld) {
            distinct.add(Objects.requireNonNull(kind, "kind"));
        }
        return distinct.size() > 1 ? Optional.of(new AdminSeparationViolation(distinct)) : Optional.empty();
    }

    /**
     * Whether an account holding {@code actorKinds} may reset the password or the authenticator of an account holding
     * {@code targetKinds}. A reset hands the account to whoever chose the new password or enrols the new authenticator,
     * so resetting another kind's administrator would let one administrator act as another and undo the separation
     * (GB/T 22239-2019 §8.1.4.2 d, §8.1.5): an administrator's credentials are reset only by an administrator of the
     * same kind; a business user's by any administrator who may manage users.
     */
    public static boolean mayResetCredentials(Collection<AdminKind> actorKinds, Collection<AdminKind> targetKinds) {
        Set<AdminKind> target = distinct(targetKinds);
        return target.isEmpty() || target.equals(distinct(actorKinds));
    }

    private static Set<AdminKind> distinct(Collection<AdminKind> kinds) {
        Set<AdminKind> distinct = EnumSet.noneOf(AdminKind.class);
        kinds.forEach(kind -> distinct.add(Objects.requireNonNull(kind, "kind")));
        return distinct;
    }

    /**
     * Whether the roles of {@code adminKindsOfRoles} (one entry per role: its kind, or {@code null} for a business role)
     * put an administrator's role and a business role on one account. An administrator runs the platform and never
     * anyone's records: the audit administrator who also held the credit office's role would look people up and then
     * audit her own look-ups (GB/T 22239-2019 §8.1.4.2 d "授予管理用户所需的最小权限"; §8.1.5.3: the audit
     * administrator analyses the audit records and does nothing else; gaps review xxxi M3).
     */
    public static boolean mixedWithBusiness(Collection<AdminKind> adminKindsOfRoles) {
        Objects.requireNonNull(adminKindsOfRoles, "adminKindsOfRoles");
        return adminKindsOfRoles.stream().anyMatch(Objects::nonNull)
                && adminKindsOfRoles.stream().anyMatch(Objects::isNull);
    }

    /**
     * Refuses a combination of administrator kinds.
     *
     * @throws AdminSeparationViolation if {@code kindsHeld} contains two or more distinct kinds
     */
    public static void requireSeparated(Collection<AdminKind> kindsHeld) {
        Optional<AdminSeparationViolation> violation = violation(kindsHeld);
        if (violation.isPresent()) {
            throw violation.get();
        }
    }
}
