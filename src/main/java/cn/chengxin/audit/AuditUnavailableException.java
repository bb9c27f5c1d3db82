package cn.chengxin.audit;

import cn.chengxin.shared.DomainProblem;

/** The event could not be stored, so the action must not happen (fail closed). */
public class AuditUnavailableException extends RuntimeException implements DomainProblem {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The refusal when an event was not durable within {@link AuditLog#LONGEST_WAIT}. */
    public static AuditUnavailableException timedOut() {
        return notStored(null);
    }

    /** The refusal every caller whose event could not be stored gets: the action must not happen. */
    public static AuditUnavailableException notStored(Throwable cause) {
        return new AuditUnavailableException("审计日志暂不可用，操作未执行", cause);
    }

    /** The refusal when the wait for the event was interrupted. */
    public static AuditUnavailableException interrupted(Throwable cause) {
        return new AuditUnavailableException("审计日志写入被中断，操作未执行", cause);
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
