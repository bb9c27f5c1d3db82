package cn.chengxin.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A keyed operation that answers its audit event's failure otherwise than 503 {@code AUDIT_UNAVAILABLE} — a breach of a
 * commitment is registered and its record owed (202 {@code COMMITMENT_BREACH_OWED}, gaps review xxxvii R9) — so the
 * platform's document does not declare the 503 every other keyed operation may answer (gaps review xl U3).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditFailureAnswered {
}
