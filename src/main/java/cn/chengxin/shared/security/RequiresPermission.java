package cn.chengxin.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint requires. Every controller method of the platform carries this,
 * {@link PublicEndpoint} or {@link AuthenticatedEndpoint}; an endpoint with none of them is refused at run
 * time and fails {@code EndpointPermissionsTests}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

    Permission value();
}
