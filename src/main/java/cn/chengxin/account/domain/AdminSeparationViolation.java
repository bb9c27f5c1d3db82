package cn.chengxin.account.domain;

import java.util.Set;
import java.util.stream.Collectors;

import cn.chengxin.shared.DomainProblem;

/** An attempt to give one account two of the three administrators' roles. */
public class AdminSeparationViolation extends RuntimeException implements DomainProblem {

    public AdminSeparationViolation(Set<AdminKind> kinds) {
        super("同一账户不能同时担任" + kinds.stream().map(AdminKind::label).collect(Collectors.joining("、"))
                + "（三员分立）");
    }

    @Override
    public String code() {
        return "ADMIN_ROLES_SEPARATED";
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
