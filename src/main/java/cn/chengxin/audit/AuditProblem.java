package cn.chengxin.audit;

import cn.chengxin.shared.DomainProblem;

/** A request about the audit log that cannot be answered as asked. */
public class AuditProblem extends RuntimeException implements DomainProblem {

    private final String code;

    public AuditProblem(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }
}
