package cn.chengxin.ingestion.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.subject.domain.Masking;

/**
 * Something a department sent, as a rejected row's report shows it again (a key, an item code, a field's name, a
 * message quoting them): every run of digits long enough to be an identity number (15 or 18 characters, full-width
 * digits too, or 18 written in groups) masked as a number is, since no number is shown or kept in clear outside the
 * registry (RULES.md §10) and a department may put one anywhere (a column swapped, a key built from it); and no longer
 * than the report keeps.
 */
public final class ShownText {

    private static final Pattern LONG_NUMBER = Pattern.compile("(?<!\\p{Nd})\\p{Nd}{14,}[\\p{Nd}XxＸｘ](?!\\p{Nd})");

    private ShownText() {
    }

    /**
     * @param longest how many characters (code points) are shown at most; a longer text is cut and ends with "…"
     * @return the text to show, {@code null} for {@code null}
     */
    public static String of(String sent, int longest) {
        if (sent == null) {
            return null;
        }
        // Read a little past the cut, so that a number crossing it is masked before it is cut.
        // A control character sent (a NUL) is shown, not stored: PostgreSQL refuses a NUL in any text.
        String text = masked(ControlCharacters.shown(cut(sent, 2 * longest)));
        return text.codePointCount(0, text.length()) <= longest ? text : cut(text, longest) + "…";
    }

    private static String masked(String text) {
        // A number written in groups ("410105-19900307-1234") too, as the logs and the audit log mask it.
        return IdentityRedaction.redact(maskedRuns(text));
    }

    private static String maskedRuns(String text) {
        Matcher m = LONG_NUMBER.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length());
        do {
            m.appendReplacement(shown, Matcher.quoteReplacement(Masking.identityNumber(m.group())));
        } while (m.find());
        return m.appendTail(shown).toString();
    }

    /** The first {@code codePoints} characters, never half of one. */
    private static String cut(String text, int codePoints) {
        return text.codePointCount(0, text.length()) <= codePoints ? text
                : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
