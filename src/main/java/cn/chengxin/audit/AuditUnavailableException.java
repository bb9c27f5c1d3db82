package cn.chengxin.audit;

import cn.chengxin.shared.DomainProblem;

/** The event could not be stored, so the action must not happen (fail closed). */
public class AuditUnavailableException extends RuntimeException implements DomainProblem {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "AUDIT_UNAVAILABLE";
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }
}
