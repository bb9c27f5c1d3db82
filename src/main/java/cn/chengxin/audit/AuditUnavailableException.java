package cn.chengxin.audit;

import cn.chengxin.shared.DomainProblem;

/** The event could not be stored, so the action must not happen (fail closed). */
public class AuditUnavailableException extends RuntimeException implements DomainProblem {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The refusal when an event was not durable within {@link AuditLog#LONGEST_WAIT}. */
    public static AuditUnavailableException timedOut() {
        return new AuditUnavailableException("审计日志暂不可用，操作未执行", null);
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
