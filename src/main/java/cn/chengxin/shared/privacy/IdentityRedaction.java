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
 *
 * <p>Not only resident-type numbers: RULES.md §1 lets a person be known by a passport or a 港澳/台湾 travel permit, and
 * §10 makes every ID number sensitive; a mainland mobile number is personal information too (PIPL Art. 4), which the
 * platform itself keeps sealed. Each is masked as screens mask it: a document number as
 * {@code Masking.identityNumber} does (E1*****78), a mobile number as an account's phone (139****5678).
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

    /** A digit as typed either way (full-width with a Chinese input method). */
    private static final String DIGIT = "[0-9０-９]";

    /**
     * A document or phone number stands alone: not after a letter or digit (which would make it the tail of a credit
     * code, a report number or an id), a percent escape excepted as in {@link #START}.
     */
    private static final String ALONE = "(?:(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])|(?<=%[0-9A-Fa-f]{2}))";
    private static final String ALONE_END = "(?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])";

    /**
     * The numbers of the other documents the registry knows ({@code subject.domain.DocumentType}): the old
     * 外国人永久居留证 (three letters, twelve digits), the 港澳居民来往内地通行证 (H or M, eight or ten digits), a Chinese
     * passport (E, G, D, S or P, perhaps a second letter or digit, seven or eight digits), and a bare eight- or
     * ten-digit number — a 台湾居民来往大陆通行证 or a foreign passport — only right after the words that name it:
     * unqualified, eight digits are as often a decision number (〔2026〕12345678号), an amount or a date.
     */
    private static final String DOCUMENT = ALONE + "(?:[A-ZＡ-Ｚ]{3}" + DIGIT + "{12}"
            + "|[HMＨＭ]" + DIGIT + "{8}(?:" + DIGIT + "{2})?"
            + "|[EGDSPＥＧＤＳＰ][A-Z0-9Ａ-Ｚ０-９]?" + DIGIT + "{7,8}"
            + "|(?<=(?:通行证|台胞证|护照)(?:号码|号)?[:：]?[ 　]{0,2})" + DIGIT + "{8}(?:" + DIGIT + "{2})?)" + ALONE_END;

    /**
     * A mainland mobile number, alone or after +86; not a decision number's serial (after 〕 or 第, before 号) nor an
     * amount (before a decimal point or 元).
     */
    private static final String PHONE = "(?:(?<=\\+86)|" + ALONE + ")(?<![〕\\]】第])[1１][3-9３-９]" + DIGIT + "{9}"
            + "(?!" + DIGIT + "|[.．]" + DIGIT + "|\\s?元|号)";

    /**
     * A mainland mobile number written in groups of three, four and four with the same single separator between them,
     * as people write one ("138 0013 8000", "138-0013-8000", "+86 138 0013 8000"; gaps review xxxi M5): alone, as
     * {@link #PHONE} is.
     */
    private static final Pattern GROUPED_PHONE = Pattern.compile("(?:(?<=\\+86[ -]?)|" + ALONE + ")[1１][3-9３-９]"
            + DIGIT + "([ 　-])" + DIGIT + "{4}\\1" + DIGIT + "{4}" + ALONE_END);

    /**
     * Every kind in one pattern, so that a text is read once: resident-type numbers (ASCII or full-width), phones,
     * other documents. They cannot overlap: each stands outside any longer digit run.
     */
    private static final Pattern NUMBERS = Pattern.compile("(" + ASCII.pattern() + "|" + FULL_WIDTH.pattern()
            + ")|(" + PHONE + ")|(" + DOCUMENT + ")");
    /** {@link #NUMBERS}' groups, by number: a look-up by name on every match measured slower. */
    private static final int RESIDENT = 1;
    private static final int PHONE_NUMBER = 2;

    /** The fewest digits in a row any of {@link #NUMBERS} holds: a passport's seven. */
    private static final int SHORTEST_RUN = 7;

    private IdentityRedaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return text;
        }
        // Most audit details name an id (every check's does, thousands a second): its digits pass the quick tests
        // below often enough (a 7-digit run in one id of five) to send the text through the patterns, which then
        // leave the id alone. Read without its ids standing alone, a text that passes none is returned as it is.
        String withoutIds = withoutLoneUuids(text);
        if (withoutIds != text && !hasDigitRun(withoutIds, SHORTEST_RUN) && !hasGroupedRun(withoutIds)
                && !hasGroupedPhone(withoutIds)) {
            return text;
        }
        return redactThrough(text);
    }

    /** {@link #redact} without its shortcut for ids: every pattern the quick tests let through is tried. */
    static String redactThrough(String text) {
        String masked = hasDigitRun(text, SHORTEST_RUN) ? maskNumbers(text, true) : text;
        masked = hasGroupedRun(masked) ? maskGrouped(masked) : masked;
        return hasGroupedPhone(masked) ? maskGroupedPhones(masked) : masked;
    }

    /** The length of a UUID written out: 8-4-4-4-12 hex digits. */
    private static final int UUID_LENGTH = 36;

    /**
     * The text with each UUID that stands alone ({@link #loneUuidAt}) replaced by one character that is neither a
     * digit nor a separator; the text itself when it holds none. No number any pattern masks can overlap such an id
     * and reach outside it (every pattern needs a digit, letter or separator next to the digits it takes, and the id
     * has none beside it), and inside it none is masked: a resident number needs 15 digits in a row, which no group
     * of an id holds, and a phone, another document or a number in groups found inside an id is left whole (see
     * {@link #masked} and {@link #maskGrouped}; a mobile number in groups of three, four and four cannot begin at a
     * group of four or more). So what the quick tests find in this text is all there is to mask.
     */
    private static String withoutLoneUuids(String text) {
        StringBuilder out = null;
        int copied = 0;
        int hyphen = text.indexOf('-', 8);
        while (hyphen >= 0) {
            int at = hyphen - 8;
            if (loneUuidAt(text, at)) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, at).append('_');
                copied = at + UUID_LENGTH;
                hyphen = text.indexOf('-', copied + 8);
            } else {
                hyphen = text.indexOf('-', hyphen + 1);
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Whether a UUID begins at {@code at}, with nothing that could belong to a number right before or after it. */
    private static boolean loneUuidAt(String text, int at) {
        if (at + UUID_LENGTH > text.length()) {
            return false;
        }
        for (int k = 0; k < UUID_LENGTH; k++) {
            char c = text.charAt(at + k);
            if (k == 8 || k == 13 || k == 18 || k == 23 ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return (at == 0 || apart(text.charAt(at - 1)))
                && (at + UUID_LENGTH == text.length() || apart(text.charAt(at + UUID_LENGTH)));
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * Neither part of a number nor joining one to the next characters: no letter or digit (ASCII or full-width), no
     * separator of a number in groups, no percent escape's sign, no {@code +} of a {@code +86}, no decimal point.
     */
    private static boolean apart(char c) {
        boolean alphanumeric = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                || c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ';
        return !alphanumeric && c != ' ' && c != '　' && c != '-' && c != '+' && c != '%' && c != '.' && c != '．';
    }

    /**
     * Only resident-type numbers, for a text whose phone numbers are its purpose: a tip-off reporter's contact, sealed
     * for the staff who may call him back. Staff texts shown again in their forms keep what they refuse (a resident
     * number) masked and the rest as typed.
     */
    public static String redactResidentNumbers(String text) {
        if (text == null) {
            return text;
        }
        String masked = hasDigitRun(text, 14) ? maskNumbers(text, false) : text;
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

    /**
     * Whether the text holds eleven digits in a row with single separators between some of them, without which
     * {@link #GROUPED_PHONE} cannot match: one pass, as {@link #hasDigitRun}.
     */
    private static boolean hasGroupedPhone(String text) {
        int run = 0;
        boolean separated = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                run++;
                separated = false;
                if (run == 11) {
                    return true;
                }
            } else if ((c == ' ' || c == '-' || c == '　') && run > 0 && !separated) {
                separated = true;
            } else {
                run = 0;
                separated = false;
            }
        }
        return false;
    }

    /** Each grouped mobile number keeps its separators, its first three and its last four digits (138 **** 8000). */
    private static String maskGroupedPhones(String text) {
        Matcher m = GROUPED_PHONE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String written = m.group();
            StringBuilder masked = new StringBuilder(written.length());
            int seen = 0;
            for (int i = 0; i < written.length(); i++) {
                char c = written.charAt(i);
                boolean digit = isDigit(c);
                masked.append(digit && seen >= 3 && seen < 7 ? '*' : c);
                seen += digit ? 1 : 0;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(masked.toString()));
        }
        m.appendTail(out);
        return out.toString();
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
     * Whether the text holds {@code least} digits in a row (ASCII or full-width), without which nothing can match: most
     * texts (a check's audit detail, say, on a path run thousands of times a second) are let through by this one pass.
     */
    private static boolean hasDigitRun(String text, int least) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' || c >= '０' && c <= '９' ? run + 1 : 0;
            if (run == least) {
                return true;
            }
        }
        return false;
    }

    /**
     * One reading of the text; with {@code all} false, only resident-type numbers are masked. {@link #NUMBERS} is tried
     * only where a number can begin — up to three letters before a run of seven digits or more, or two digits into it
     * after a percent escape or +86 — not at every character, which made redaction several times slower on log lines
     * holding a timestamp or an id.
     */
    private static String maskNumbers(String text, boolean all) {
        Matcher m = NUMBERS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher ids = UUID.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int run = i;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
            if (i - run < SHORTEST_RUN) {
                continue;
            }
            for (int from = Math.max(copied, run - 3); from <= run + 2; from++) {
                if (!mayBegin(text, from, run)) {
                    continue;
                }
                m.region(from, text.length());
                if (m.lookingAt()) {
                    out = out == null ? new StringBuilder(text.length()) : out;
                    out.append(text, copied, m.start()).append(masked(m, text, ids, all));
                    copied = m.end();
                    i = Math.max(i, copied);
                    break;
                }
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static String masked(Matcher m, String text, Matcher ids, boolean all) {
        String number = m.group();
        if (m.start(RESIDENT) >= 0) {
            return kept(number, 4, 4);
        }
        if (!all) {
            return number;
        }
        if (text.indexOf('-') >= 0 && withinUuid(ids, m.start(), m.end())) {
            // an id's last group can read as a mobile number (…-a4ef-17636714886c: about one id in 7,000), an upper-case
            // id's first group as a passport (E1234567); masked, the audit event no longer names its check
            return number;
        }
        if (m.start(PHONE_NUMBER) >= 0) {
            return kept(number, 3, 4);
        }
        int keep = number.length() >= 12 ? 4 : 2; // as Masking.identityNumber: at least seven characters
        return kept(number, keep, keep);
    }

    /**
     * Whether a number may begin at {@code from}, given the digit run at {@code run}: at the run, at a capital letter
     * before it, or after the percent escape or the +86 whose digits the run begins with.
     */
    private static boolean mayBegin(String text, int from, int run) {
        if (from < run) {
            char c = text.charAt(from);
            return c >= 'A' && c <= 'Z' || c >= 'Ａ' && c <= 'Ｚ';
        }
        if (from == run + 1) {
            return run >= 2 && text.charAt(run - 2) == '%';
        }
        return from == run || run >= 1 && (text.charAt(run - 1) == '%'
                || text.charAt(run - 1) == '+' && text.startsWith("86", run));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }

    private static String kept(String number, int head, int tail) {
        return number.substring(0, head) + "*".repeat(number.length() - head - tail)
                + number.substring(number.length() - tail);
    }
}
