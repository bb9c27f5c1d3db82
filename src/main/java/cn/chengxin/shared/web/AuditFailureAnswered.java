package cn.chengxin.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A keyed operation that answers its audit event's failure otherwise than 503 {@code AUDIT_UNAVAILABLE} — a breach of a
 * commitment is registered and its record owed (202 {@code COMMITMENT_BREACH_OWED}, gaps review xxxvii R9) — so the
 * operation declares no 503, though its handler reaches the audit log: {@code RefusesDriftTests} requires the 503 of
 * every other operation whose handler reaches it (gaps review xl U3).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditFailureAnswered {
}
