package cn.chengxin.account.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A staff member signed in with a temporary password, one an administrator set, does nothing in the console but change
 * it (RULES.md §10): until then the administrator who knows it could be the one at the keyboard. The sign-in marks its
 * session ({@link #mark}); every other console page sends it to {@code /console/password}, and a successful change
 * lifts the mark ({@link #lift}). A password grown too old is marked the same way, with its own reason on the page.
 */
public class PasswordChangeRequired implements HandlerInterceptor {

    private static final String ATTRIBUTE = "chengxin.password.must-change";
    public static final String PAGE = "/console/password";

    /** @param reason why, named on the page: {@code TEMPORARY} or {@code AGED} */
    public static void mark(HttpSession session, String reason) {
        session.setAttribute(ATTRIBUTE, reason);
    }

    /** Why the change is required ({@link #mark}), or {@code null} when it is not. */
    public static String reason(HttpSession session) {
        return session == null ? null : (String) session.getAttribute(ATTRIBUTE);
    }

    public static void lift(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }

    public static boolean marked(HttpSession session) {
        return reason(session) != null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/console") || path.equals(PAGE) || path.equals("/console/session")
                || !marked(request.getSession(false))) {
            return true;
        }
        String target = request.getContextPath() + PAGE;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
        return false;
    }
}
