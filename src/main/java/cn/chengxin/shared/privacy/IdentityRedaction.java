package cn.chengxin.shared.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything shaped like a resident identity number in a log line (RULES.md §10: no clear number in
 * any log). Our own code never logs numbers, but libraries do when their logging is turned up — Tomcat
 * dumps raw request bodies at DEBUG, Spring MVC lists handler arguments at TRACE — so the last line of
 * defence is the log output itself; and the audit log's free text (an exit reason, a note staff typed) is masked
 * the same way before it is stored. Shape, not checksum, decides: a mistyped number is still personal data.
 * Masked as on screens: first four and last four characters kept.
 */
public final class IdentityRedaction {

    /**
     * Not inside a longer digit run. A percent escape just before is no digit of it: a logged address holds the
     * number typed after a space as {@code q=%2011010519491231002X} or {@code q=%E3%80%8011010519491231002X}.
     */
    private static final String START = "(?:(?<![0-9])|(?<=%[0-9A-Fa-f]{2}))";

    /**
     * 18 digits (last may be X) whose birth date may be mistyped (only its century is required: a mistyped number is
     * still personal data), or 15 digits with a plausible birth date (15-digit runs are common in other data: old
     * registration numbers), not part of a longer digit run.
     */
    private static final Pattern ASCII = Pattern.compile(START + "[1-9][0-9]{5}(?:(?:18|19|20)[0-9]{9}[0-9Xx]"
            + "|[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3})(?![0-9])");

    /** Full-width digits as typed with a Chinese input method: any run of 15 to 18. */
    private static final Pattern FULL_WIDTH = Pattern.compile("(?<![０-９])[０-９]{14,17}[０-９ＸｘXx](?![０-９])");

    /**
     * 18 characters of a number written in groups, as people write it ("4101 0519 9003 0712 34",
     * "410105-19900307-1234", or "110105+19491231+002X" as a form sends spaces): masked when, without its
     * separators, it has the shape {@link #ASCII} masks.
     */
    private static final Pattern GROUPED = Pattern.compile(START + "(?:[0-9][ +-]?){17}[0-9Xx](?![0-9Xx])");

    /**
     * A UUID (8-4-4-4-12 hex digits), as ids are written in audit details and logs. Its digits can fall into the
     * shape of a number written in groups ("7192-9518-6538174034dd"): about one id in 60,000 did, and was masked in
     * the audit event naming it, which then no longer named its check. An identity number is never written as one.
     */
    private static final Pattern UUID = Pattern.compile("(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-"
            + "[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])");

    private IdentityRedaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return text;
        }
        String masked = hasDigitRun(text) ? mask(FULL_WIDTH, mask(ASCII, text)) : text;
        return hasGroupedRun(masked) ? maskGrouped(masked) : masked;
    }

    /**
     * Whether the text holds 18 digits in a row where single spaces, plus signs or hyphens may stand between them,
     * without which {@link #GROUPED} cannot match: as cheap as {@link #hasDigitRun} for the texts that hold none.
     */
    private static boolean hasGroupedRun(String text) {
        int run = 0;
        boolean separated = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || (c == 'X' || c == 'x') && run == 17) {
                run++;
                separated = false;
                if (run == 18) {
                    return true;
                }
            } else if (isSeparator(c) && run > 0 && !separated) {
                separated = true;
            } else {
                run = 0;
                separated = false;
            }
        }
        return false;
    }

    /** Each grouped number keeps its separators and, as on screens, its first four and last four digits. */
    private static String maskGrouped(String text) {
        Matcher m = GROUPED.matcher(text);
        Matcher ids = UUID.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String written = m.group();
            String digits = written.replace(" ", "").replace("+", "").replace("-", "");
            if (!ASCII.matcher(digits).matches() || withinUuid(ids, m.start(), m.end())) {
                m.appendReplacement(out, Matcher.quoteReplacement(written));
                continue;
            }
            StringBuilder masked = new StringBuilder(written.length());
            int seen = 0;
            for (int i = 0; i < written.length(); i++) {
                char c = written.charAt(i);
                boolean digit = !isSeparator(c);
                masked.append(digit && seen >= 4 && seen < 14 ? '*' : c);
                seen += digit ? 1 : 0;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(masked.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether {@code [start, end)} lies within a UUID of the text {@code ids} reads. */
    private static boolean withinUuid(Matcher ids, int start, int end) {
        ids.reset();
        while (ids.find()) {
            if (ids.start() <= start && end <= ids.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '+' || c == '-';
    }

    /**
     * Whether the text holds 14 digits in a row (ASCII or full-width), without which nothing can match: most texts
     * (a check's audit detail, say, on a path run thousands of times a second) are let through by this one pass.
     */
    private static boolean hasDigitRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' || c >= '０' && c <= '９' ? run + 1 : 0;
            if (run == 14) {
                return true;
            }
        }
        return false;
    }

    private static String mask(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String number = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(number.substring(0, 4)
                    + "*".repeat(number.length() - 8) + number.substring(number.length() - 4)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
