package cn.chengxin.audit.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes an event's text storable before it is hashed and queued (issue #3). PostgreSQL refuses a NUL (U+0000) in any
 * text, and the driver sends an unpaired surrogate as {@code ?}: the first failed the whole group commit the event was
 * in, the second stored a text other than the one hashed, which the verification then reports as tampering. Such
 * characters can reach an event by ways no form check covers (a login name typed at a filter, a header, a path).
 *
 * <p>Each is replaced by U+FFFD, and the event's detail names the fields where that was done: the audit log records
 * what was attempted (RULES.md §10: audit records protected against change) and must not alter evidence silently, so
 * a reader sees that the stored text is not byte for byte what arrived. The replaced event is what is hashed, so the
 * stored event is exactly the hashed one and the tree verifies. Refusing the event instead would fail the caller's
 * action for an odd character in, say, the name someone typed at the sign-in, and leave that attempt unaudited.
 */
public final class StorableText {

    /** What replaces an unstorable character: the Unicode replacement character. */
    static final char REPLACEMENT = '\uFFFD';

    private static final String[] COLUMNS = {"actor_kind", "actor_id", "actor_name", "organisation", "action",
            "subject_pseudonym", "purpose", "legal_basis", "consent_id", "request_id", "detail"};

    private StorableText() {
    }

    /** The event itself when all its text is storable (the common case, no copy); otherwise the replaced event. */
    public static EventRecord of(EventRecord e) {
        String[] fields = {e.actorKind(), e.actorId(), e.actorName(), e.organisation(), e.action(),
                e.subjectPseudonym(), e.purpose(), e.legalBasis(), e.consentId(), e.requestId(), e.detail()};
        List<String> replacedIn = null;
        for (int f = 0; f < fields.length; f++) {
            if (!storable(fields[f])) {
                fields[f] = replaced(fields[f]);
                if (replacedIn == null) {
                    replacedIn = new ArrayList<>(2);
                }
                replacedIn.add(COLUMNS[f]);
            }
        }
        if (replacedIn == null) {
            return e;
        }
        String marker = "[unstorable characters replaced by U+FFFD in: " + String.join(", ", replacedIn) + "]";
        String detail = fields[10] == null || fields[10].isEmpty() ? marker : fields[10] + " " + marker;
        return new EventRecord(e.seq(), e.at(), e.category(), fields[0], fields[1], fields[2], fields[3], fields[4],
                fields[5], fields[6], fields[7], fields[8], e.result(), fields[9], detail);
    }

    /** Whether PostgreSQL stores {@code text} as it is: no NUL, no unpaired surrogate ({@code null} is storable). */
    static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair: one supplementary character, stored as it is
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    private static String replaced(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
