package cn.chengxin.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes an API operation may answer, under one status: the OpenAPI document lists them on the operation
 * as that status's {@code application/problem+json} response, one example per code (gaps review xxxvii R2), so
 * that an integrator learns from the document what to handle. On a class it holds for each of its operations.
 * What every operation may answer (a body that does not read, a key refused, the rate, an internal error) is added
 * by the platform's document and is not repeated here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Refuses.All.class)
public @interface Refuses {

    /** The HTTP status the codes are answered with. */
    int status();

    /** The stable problem codes ({@code code} of the problem). */
    String[] value() default {};

    /**
     * Also the codes of a document number refused by its standard or its type (ID_*, USCC_*, DOCUMENT_FORMAT,
     * DOCUMENT_TYPE_UNKNOWN): always under 400, whatever {@link #status()} says, as every API answers them
     * ({@link Problems#statusOf(cn.chengxin.shared.DomainProblem)}; gaps review xxxvii R5).
     */
    boolean identityNumbers() default false;

    /** The container of repeated {@link Refuses}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface All {
        Refuses[] value();
    }
}
