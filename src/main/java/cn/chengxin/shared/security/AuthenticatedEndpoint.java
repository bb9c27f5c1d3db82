package cn.chengxin.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint for a signed-in person that needs no permission code because it only concerns that person's
 * own sign-in (the second-factor step, changing one's own password). The filter chain still decides who
 * reaches it; {@link #value()} says why no permission applies.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AuthenticatedEndpoint {

    String value();
}
