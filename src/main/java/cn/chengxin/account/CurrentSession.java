package cn.chengxin.account;

import java.util.Optional;

import cn.chengxin.shared.jdbc.AfterCommit;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The sign-in session of the request that changes someone's rights, which may be among the sessions the change ends
 * (an administrator editing a role they hold, or their own department's scope). Its row is not deleted under the
 * request, which still writes to it when it ends (a flash message) and would then break a foreign key and show an
 * error page although the change committed; it is invalidated once the change commits instead, through Spring
 * Session, so the response is the usual redirect and the next request signs in again, with the rights given now.
 */
final class CurrentSession {

    private CurrentSession() {
    }

    /** The request's session id, or {@code ""} outside a request or without a session (a command, a test). */
    static String id() {
        return session().map(HttpSession::getId).orElse("");
    }

    /** Whether the request is signed in as one of the users named. */
    static boolean signedInAsOneOf(java.util.List<String> usernames) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && !id().isEmpty() && usernames.contains(who.getName());
    }

    /** Ends the request's session once the current transaction commits (at once outside one). */
    static void endAfterCommit() {
        AfterCommit.run(() -> {
            SecurityContextHolder.clearContext();
            session().ifPresent(HttpSession::invalidate);
        });
    }

    private static Optional<HttpSession> session() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? Optional.ofNullable(request.getRequest().getSession(false)) : Optional.empty();
    }
}
