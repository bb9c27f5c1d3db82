package cn.chengxin.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint requires. Every controller method of the platform carries this,
 * {@link PublicEndpoint} or {@link AuthenticatedEndpoint}; an endpoint with none of them is refused at run
 * time and fails {@code EndpointPermissionsTests}. Several permissions name the people a page serves alike: any one
 * of them lets through (the rules page is its makers' and its checkers': issue #5's maker-checker needs a reviewer
 * who is not also an editor).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

    /** Holding any one of these lets the caller through. */
    Permission[] value();
}
