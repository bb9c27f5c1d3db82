package cn.chengxin.account.security;

import java.util.Map;

import cn.chengxin.shared.security.AuthenticatedEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps a signed-in page's session alive while its user works in it. Sessions end after 15 idle minutes (等保 2.0
 * idle timeout; server.servlet.session.timeout), and a form sent after that was refused and its text lost: a clerk
 * writing a list entry's reasons or a typical case, a citizen writing an objection, can take longer than that without
 * a request. The page (static/js/app.js, set up by {@link WatchedSessions}) asks here when its user has typed or
 * clicked since its last request, warns before an idle session ends, and, once the user has signed in again in
 * another window, takes the new session's CSRF token into its forms, so that what was written is sent, not lost. A
 * page left alone still ends its session on time: only the user's own activity asks. Outside a session the chains
 * answer as for any page (a redirect to sign in), which the page reads as "signed out".
 */
@RestController
class SessionWatch {

    /** The session's state for the page: whose it is, how long idle lasts, and the token its forms must carry. */
    record Status(String user, int timeoutSeconds, Map<String, String> csrf) {
    }

    @AuthenticatedEndpoint("a signed-in console page keeping its session while its user works in it")
    @GetMapping("/console/session")
    Status staffSession(HttpServletRequest request) {
        return status(request);
    }

    @AuthenticatedEndpoint("a signed-in self-service page keeping its session while its user works in it")
    @GetMapping("/me/session")
    Status citizenSession(HttpServletRequest request) {
        return status(request);
    }

    private static Status status(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Status(WatchedSessions.accountOf(SecurityContextHolder.getContext().getAuthentication()),
                session == null ? 0 : session.getMaxInactiveInterval(), token == null ? Map.of()
                : Map.of("header", token.getHeaderName(), "parameter", token.getParameterName(), "token",
                        token.getToken()));
    }
}
