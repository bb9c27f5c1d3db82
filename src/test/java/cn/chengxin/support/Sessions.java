package cn.chengxin.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.context.ApplicationContext;
import org.springframework.session.SessionRepository;

/** The server's side of browser sessions, for tests of what a browser meets after it was left idle. */
public final class Sessions {

    private Sessions() {
    }

    /**
     * Ends a session on the server as 15 idle minutes would (server.servlet.session.timeout): the browser keeps
     * its cookie and the pages it shows, with their CSRF tokens; the server no longer knows either.
     *
     * @param cookie the session cookie's value, which carries the session id in Base64 (Spring Session's default)
     */
    public static void expire(ApplicationContext context, String cookie) {
        SessionRepository<?> sessions = context.getBean(SessionRepository.class);
        String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        if (sessions.findById(id) == null) {
            throw new IllegalStateException("no such session");
        }
        sessions.deleteById(id);
    }
}
