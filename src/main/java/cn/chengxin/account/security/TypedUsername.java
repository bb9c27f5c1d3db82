package cn.chengxin.account.security;

import cn.chengxin.shared.privacy.IdentityRedaction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The user name a refused sign-in typed, given back to its field on the next page (gaps review xxxv O2, WCAG 3.3.1 and
 * 3.3.4: an old person types the name again after every wrong password otherwise). Kept in the session the form
 * already has (its CSRF token's; none is made for it), taken once, never put in the address. The password is never
 * kept. A name holding an identity or phone number (a citizen signs in with one or the other) is not kept: the session
 * is stored in the database, where such text is kept masked ({@link IdentityRedaction}, RULES.md §10), and a masked
 * one in the field would not sign in. So on /me the field comes back empty; on the console, the staff user name.
 */
public final class TypedUsername {

    private static final String ATTRIBUTE = TypedUsername.class.getName();

    /** The longest name kept: the form's fields are shorter; anything longer is not a name typed there. */
    private static final int LONGEST = 64;

    private TypedUsername() {
    }

    /** After a refused sign-in: keeps the name typed, if it may be kept. */
    static void keep(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String typed = request.getParameter("username");
        if (session == null || typed == null || typed.isBlank() || typed.length() > LONGEST) {
            return;
        }
        String trimmed = typed.strip();
        if (IdentityRedaction.redact(trimmed).equals(trimmed)) {
            session.setAttribute(ATTRIBUTE, trimmed);
        } else {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** The sign-in page: the name kept by the last refusal, removed from the session; null when none. */
    public static String take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object typed = session.getAttribute(ATTRIBUTE);
        if (typed != null) {
            session.removeAttribute(ATTRIBUTE);
        }
        return typed instanceof String name ? name : null;
    }
}
