package cn.chengxin.shared.web;

import java.io.IOException;

import cn.chengxin.shared.security.Permission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An API endpoint that answers its ordinary requests in the API's security filter chain, right after the caller's key
 * has been authenticated, instead of through the rest of that chain and Spring MVC's dispatch: for the few endpoints
 * called at approval-window rates (the check API), where the framework's path costs more CPU than the work itself.
 *
 * <p>The same endpoint stays mapped in Spring MVC, and everything out of the ordinary goes there: the lane calls
 * {@link #answer} only for a caller already authenticated as an API client holding {@link #permission()}, with the
 * exact path and no query string, and a body of known, small length; {@link #answer} returns {@code false} for
 * anything it does not answer itself (missing or malformed fields, a refused purpose, another {@code Accept}…), and
 * then the request goes on, with its body, through the regular path, which answers it as it always has, with its
 * codes. So the lane never decides who may call, nor how a bad request is refused; it only saves the ordinary one
 * the walk.
 */
public interface LeanEndpoint {

    /** The HTTP method, e.g. {@code POST}. */
    String method();

    /** The exact path within the application, e.g. {@code /api/v1/checks}. */
    String path();

    /**
     * The permission the endpoint requires besides being an API client, as its Spring MVC mapping declares it
     * ({@code RequiresPermission}); {@code null} for an endpoint any authenticated client may call
     * ({@code AuthenticatedEndpoint}). A test holds the two declarations equal.
     */
    Permission permission();

    /**
     * Answers the request, or returns {@code false} having written nothing to the response nor changed anything
     * anywhere, so that the regular path can answer it instead.
     *
     * @param body the request's body, read whole (empty for a request without one)
     */
    boolean answer(byte[] body, HttpServletRequest request, HttpServletResponse response) throws IOException;
}
