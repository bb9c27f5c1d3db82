package cn.chengxin.account.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpSession;

/**
 * One-time tokens for a form whose submission must take effect once only, such as proposing an API key: a form sent
 * twice (a double click, a reloaded answer) would otherwise propose a second key for the checker to sort out. Each
 * showing of the form gets a new random token, kept in the session; a submission spends it, and a submission whose
 * token is spent or unknown does nothing. The session holds only these tokens, never what the form produces. A few
 * are kept at once, for the same form open in several tabs.
 */
final class OneTimeFormTokens {

    private static final int KEPT = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String attribute;

    OneTimeFormTokens(String form) {
        this.attribute = "chengxin.form-tokens." + form;
    }

    /** A new token for one showing of the form. */
    String issue(HttpSession session) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        List<String> tokens = new ArrayList<>(kept(session));
        tokens.add(token);
        while (tokens.size() > KEPT) {
            tokens.remove(0);
        }
        session.setAttribute(attribute, tokens);
        return token;
    }

    /** Spends the token: true once for a token this session was given, false for a spent, unknown or missing one. */
    boolean spend(HttpSession session, String token) {
        List<String> tokens = new ArrayList<>(kept(session));
        if (token == null || !tokens.remove(token)) {
            return false;
        }
        // Set again, not changed in place: the session store saves an attribute that was set.
        session.setAttribute(attribute, tokens);
        return true;
    }

    @SuppressWarnings("unchecked")
    private List<String> kept(HttpSession session) {
        return session.getAttribute(attribute) instanceof List<?> list ? (List<String>) list : List.of();
    }
}
