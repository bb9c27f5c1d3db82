package cn.chengxin.ingestion.domain;

/**
 * Control characters in what a department sends (line breaks and tabs excepted). A NUL is refused by PostgreSQL in
 * any text, so a row holding one would fail the whole batch's chunk at its insert; none of them belongs in a name, a
 * key or an account of facts. The row is refused with its line instead (issue #4: every bad row is reported, the
 * others are stored), and wherever a report quotes what was sent, each is shown as U+FFFD.
 */
public final class ControlCharacters {

    /** What stands in a report for a control character sent: visible, and storable. */
    static final char SHOWN_AS = '\uFFFD';

    private ControlCharacters() {
    }

    /** Whether {@code text} holds a control character other than a line break or a tab. */
    public static boolean in(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (unwanted(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with each unwanted control character replaced by U+FFFD; {@code null} stays null. */
    public static String shown(String text) {
        if (!in(text)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            shown.append(unwanted(c) ? SHOWN_AS : c);
        }
        return shown.toString();
    }

    private static boolean unwanted(char c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }
}
