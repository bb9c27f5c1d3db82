package cn.chengxin.shared.web;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * A staff member's look-ups by identity number (the list console, the audit log), kept in their session under opaque random
 * tokens. A pseudonym identifies a person as well as the number does, and a URL ends up in browser history, proxy
 * logs and the audit of requests (RULES.md §10: identity numbers never in logs): the paging links carry the token
 * only. A token is found only in the session that made it, and only for {@link #LIFETIME}; a session keeps its
 * last {@link #KEPT}.
 */
public final class NumberSearches {

    public static final Duration LIFETIME = Duration.ofMinutes(15);
    public static final int KEPT = 20;
    private static final String ATTRIBUTE = NumberSearches.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private NumberSearches() {
    }

    /** A look-up by number: the pseudonym searched for, the number masked for the page, and when it was made. */
    public record Found(String pseudonym, String maskedNumber, Instant at) implements Serializable {
    }

    /** Keeps a look-up in the session; returns its token (128 random bits, URL-safe). */
    public static String keep(HttpSession session, Found found) {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Kept kept = kept(session);
        synchronized (kept) {
            kept.put(token, found);
        }
        // Set again so that a session store that copies attributes sees the change.
        session.setAttribute(ATTRIBUTE, kept);
        return token;
    }

    /** The session's look-up under this token, while it lasts. */
    public static Optional<Found> find(HttpSession session, String token, Instant now) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Kept kept)) {
            return Optional.empty();
        }
        synchronized (kept) {
            return Optional.ofNullable(kept.get(token)).filter(f -> now.isBefore(f.at().plus(LIFETIME)));
        }
    }

    private static Kept kept(HttpSession session) {
        synchronized (session) {
            if (session.getAttribute(ATTRIBUTE) instanceof Kept kept) {
                return kept;
            }
            Kept kept = new Kept();
            session.setAttribute(ATTRIBUTE, kept);
            return kept;
        }
    }

    /** The last {@link #KEPT} look-ups by token, the oldest dropped first. */
    private static final class Kept extends LinkedHashMap<String, Found> {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Found> eldest) {
            return size() > KEPT;
        }
    }
}
