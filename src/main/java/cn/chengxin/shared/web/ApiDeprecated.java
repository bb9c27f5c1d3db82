package cn.chengxin.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A part of {@code /api/v1} kept for older clients and to be removed (gaps review xxxvii R3; docs/api-changelog.md).
 * On a handler (or its class) every answer of it, and on a request body's field (a record component) every answer to a
 * request that used the field, carries {@code Deprecation} (RFC 9745: since when), {@code Sunset} (RFC 8594: from when
 * it may be gone) and {@code Link} to the changelog's entry ({@code rel="deprecation"}), and the OpenAPI document marks
 * the operation deprecated. An answer's field kept as an alias is marked in the document only
 * ({@code @Schema(deprecated = true)}): the platform cannot tell whether a client reads it. The date strings are ISO
 * days (Beijing).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ApiDeprecated {

    /** The day the deprecation was announced, as {@code 2026-12-06}. */
    String since();

    /** The first day the deprecated part may be gone, as {@code 2027-12-31}. */
    String sunset();

    /** The entry of docs/api-changelog.md that says what to use instead (its anchor, as {@code 2026-12-06-validations}). */
    String change();
}
