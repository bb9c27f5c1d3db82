package cn.chengxin.account.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import cn.chengxin.shared.DomainProblem;

/**
 * An attempt to let one account hold two or more of the three administrator kinds, which 三员分立
 * (GB/T 22239-2019 §8.1.4.2 d, §8.1.5) forbids. A {@link Kind#CONFLICT}: the request is well-formed but
 * clashes with the roles the account already has. The message names the kinds, never the account.
 */
public class AdminSeparationViolation extends RuntimeException implements DomainProblem {

    public static final String CODE = "ADMIN_ROLES_SEPARATED";

    private final Set<AdminKind> kinds;

    public AdminSeparationViolation(Set<AdminKind> kinds) {
        super(message(kinds), null, false, false);
        this.kinds = Collections.unmodifiableSet(copy(kinds));
    }

    /** The conflicting kinds. */
    public Set<AdminKind> kinds() {
        return kinds;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }

    private static Set<AdminKind> copy(Set<AdminKind> kinds) {
        Set<AdminKind> copy = EnumSet.noneOf(AdminKind.class);
        copy.addAll(kinds);
        return copy;
    }

    private static String message(Set<AdminKind> kinds) {
        String labels = copy(kinds).stream().map(AdminKind::label).collect(Collectors.joining("、"));
        return "三员分立：同一账号不得兼任" + labels + "（GB/T 22239-2019）";
    }
}
