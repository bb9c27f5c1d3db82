package cn.chengxin.account.security;

import cn.chengxin.shared.security.AuthenticatedEndpoint;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.shared.security.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces the permission each endpoint declares ({@link RequiresPermission}: any one of those it names); an
 * endpoint of the platform that declares nothing is refused (fail closed) and named in the log, so a forgotten
 * annotation is a visible bug, not an open door. Framework endpoints (error page, OpenAPI) are outside this rule.
 */
class PermissionInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PermissionInterceptor.class);

    /**
     * Declarations by endpoint, looked up once: merging annotations costs a check API call some microseconds of
     * reflection on every request, and the answer never changes while the application runs.
     */
    private final java.util.concurrent.ConcurrentHashMap<Endpoint, java.util.Optional<java.lang.annotation.Annotation>>
            declarations = new java.util.concurrent.ConcurrentHashMap<>();

    private record Endpoint(java.lang.reflect.Method method, Class<?> beanType) {
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith("cn.chengxin.")) {
            return true;
        }
        java.lang.annotation.Annotation declaration = declarations.computeIfAbsent(
                new Endpoint(method.getMethod(), method.getBeanType()),
                e -> java.util.Optional.ofNullable(declarationOf(method))).orElse(null);
        if (declaration instanceof PublicEndpoint) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getName());
        if (declaration == null) {
            log.error("Endpoint {} declares no permission; refused", method.getShortLogMessage());
            throw new AccessDeniedException("endpoint without declared permission");
        }
        if (!signedIn) {
            throw new AuthenticationCredentialsNotFoundException("sign-in required");
        }
        if (declaration instanceof RequiresPermission required && !holdsAny(authentication, required.value())) {
            throw new AccessDeniedException("missing permission " + java.util.Arrays.stream(required.value())
                    .map(Permission::code).collect(java.util.stream.Collectors.joining(" or ")));
        }
        return true;
    }

    private static boolean holdsAny(Authentication authentication, Permission[] permissions) {
        for (Permission permission : permissions) {
            if (authentication.getAuthorities().stream().anyMatch(a -> permission.code().equals(a.getAuthority()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The endpoint's declaration: {@link PublicEndpoint}, {@link AuthenticatedEndpoint} or
     * {@link RequiresPermission} on the method, else on its class; {@code null} when there is none.
     */
    static java.lang.annotation.Annotation declarationOf(HandlerMethod method) {
        java.lang.annotation.Annotation onMethod = first(method.getMethod());
        return onMethod != null ? onMethod : first(method.getBeanType());
    }

    private static java.lang.annotation.Annotation first(java.lang.reflect.AnnotatedElement element) {
        for (Class<? extends java.lang.annotation.Annotation> type : java.util.List.of(PublicEndpoint.class,
                AuthenticatedEndpoint.class, RequiresPermission.class)) {
            java.lang.annotation.Annotation found = AnnotatedElementUtils.findMergedAnnotation(element, type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
