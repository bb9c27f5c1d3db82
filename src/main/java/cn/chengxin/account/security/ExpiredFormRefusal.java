package cn.chengxin.account.security;

import java.io.IOException;

import cn.chengxin.shared.web.ExpiredForms;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * How a form with a missing or unknown CSRF token is refused (issue #5): never acted on, and never with a bare
 * 403. A token goes missing because its session expired after 15 idle minutes, or stops matching because the person
 * signed in again in another tab (a sign-in replaces the token). Other refusals go to the surface's own handler.
 */
public final class ExpiredFormRefusal {

    public static final String CONSOLE_PAGE = "/console/expired";
    public static final String SELF_SERVICE_PAGE = "/me/expired";

    private ExpiredFormRefusal() {
    }

    /**
     * The console and the self-service: a browser whose session is gone signs in again, and the sign-in page says
     * the session expired ({@code ?expired}); one with a live session, or none at all (a post from another site),
     * gets the page at {@code expiredPage} that says the page expired and offers to reload it.
     */
    static AccessDeniedHandler signInAgain(String loginPage, String expiredPage, AccessDeniedHandler otherwise) {
        return (request, response, denied) -> {
            if (!(denied instanceof CsrfException)) {
                otherwise.handle(request, response, denied);
            } else if (sessionExpired(request)) {
                response.sendRedirect(request.getContextPath() + loginPage + "?expired");
            } else {
                forward(request, response, expiredPage);
            }
        };
    }

    /** The public site: the page of the form shows it again ({@link ExpiredForms}). */
    static AccessDeniedHandler showAgain(AccessDeniedHandler otherwise) {
        return (request, response, denied) -> {
            if (denied instanceof CsrfException) {
                String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
                forward(request, response, ExpiredForms.PREFIX + path);
            } else {
                otherwise.handle(request, response, denied);
            }
        };
    }

    /** The browser sent a session cookie the server no longer knows: the session timed out (or was ended). */
    private static boolean sessionExpired(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    private static void forward(HttpServletRequest request, HttpServletResponse response, String page)
            throws IOException, ServletException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        request.getRequestDispatcher(page).forward(request, response);
    }
}
