package cn.chengxin.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import org.springframework.context.ApplicationContext;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.DispatcherServlet;

/** The server's side of browser sessions, for tests of what a browser meets after it was left idle. */
public final class Sessions {

    private Sessions() {
    }

    /**
     * A new session in the server's own store (Spring Session, in the database), carried by its cookie on each
     * request made with it, as a browser carries it. MockMvc's {@code MockHttpSession} is not that store: a request
     * given one is served another, empty session.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static RequestPostProcessor of(ApplicationContext context) {
        SessionRepository repository = context.getBean(SessionRepository.class);
        Session session = repository.createSession();
        repository.save(session);
        Cookie cookie = new Cookie("JSESSIONID", Base64.getEncoder().encodeToString(
                session.getId().getBytes(StandardCharsets.UTF_8)));
        return request -> {
            request.setCookies(cookie);
            return request;
        };
    }

    /**
     * The flash attributes a redirecting request left, given to a request as the page after the redirect receives them,
     * however often: MockMvc's {@code flashAttrs} puts them in a {@code MockHttpSession}, which the server's session
     * store does not read.
     */
    public static RequestPostProcessor flashOf(MvcResult redirected) {
        return request -> {
            request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, redirected.getFlashMap());
            return request;
        };
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
