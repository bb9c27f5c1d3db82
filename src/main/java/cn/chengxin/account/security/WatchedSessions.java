package cn.chengxin.account.security;

import cn.chengxin.shared.web.PageViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every page of a fully signed-in staff member or citizen what its script needs to watch the session
 * ({@link SessionWatch}): where to ask, how long idle lasts, where to sign in again, and whose the page is. Pages of
 * a sign-in still owing its second factor get nothing: there is no work to keep there.
 */
class WatchedSessions implements HandlerInterceptor {

    /** The model attribute the layout's head reads. */
    static final String ATTRIBUTE = "sessionWatch";

    /** Where a page asks, how long idle lasts, where to sign in again, and the page's user. */
    record Watched(String url, int timeoutSeconds, String loginUrl, String user) {
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (!PageViews.rendersPage(page)) {
            return;
        }
        HttpSession session = request.getSession(false);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || who == null || request.getUserPrincipal() == null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String surface = within(path, "/console") && holds(who, AccountSecurityConfiguration.STAFF) ? "/console"
                : within(path, "/me") && holds(who, CitizenAuthenticationProvider.CITIZEN) ? "/me" : null;
        if (surface != null) {
            page.getModel().putIfAbsent(ATTRIBUTE, new Watched(request.getContextPath() + surface + "/session",
                    session.getMaxInactiveInterval(), request.getContextPath() + surface + "/login",
                    accountOf(who)));
        }
    }

    /**
     * Whose session it is, as the page may hold it: a staff member's user name (shown in the console's header anyway),
     * a citizen's account id (their principal's name is their masked name, which two people may share).
     */
    static String accountOf(Authentication who) {
        return who.getPrincipal() instanceof cn.chengxin.account.CitizenPrincipal citizen
                ? citizen.accountId().toString() : who.getName();
    }

    private static boolean within(String path, String surface) {
        return path.equals(surface) || path.startsWith(surface + "/");
    }

    private static boolean holds(Authentication who, String authority) {
        return who.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
