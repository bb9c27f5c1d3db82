package cn.chengxin.ingestion.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.subject.domain.Masking;

/**
 * The department's own key of a rejected row (部门记录编号), as its clerk sees it again to find the row in the
 * department's system: as sent, without the space around it. Some departments build their keys from the person's
 * identity number, and no number is shown in clear (RULES.md §10): every run of digits long enough to be one (15 or
 * 18 characters, full-width digits too) or a bank card number is masked as a number is. A key longer than the
 * platform takes ({@link #LONGEST}; such a row was refused SOURCE_ID_MISSING) is cut.
 */
public final class ShownSourceId {

    /** The longest key the validator takes. */
    static final int LONGEST = 100;
    /** What is read of a long key: enough to mask a number that crosses the cut. */
    private static final int READ = 2 * LONGEST;
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<!\\p{Nd})\\p{Nd}{14,}[\\p{Nd}XxＸｘ](?!\\p{Nd})");

    private ShownSourceId() {
    }

    /** @return the key to show, or {@code null} when the row was sent without one */
    public static String of(String sent) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        String key = masked(cut(sent.strip(), READ));
        return key.codePointCount(0, key.length()) <= LONGEST ? key : cut(key, LONGEST) + "…";
    }

    private static String masked(String key) {
        Matcher m = LONG_NUMBER.matcher(key);
        StringBuilder shown = new StringBuilder(key.length());
        while (m.find()) {
            m.appendReplacement(shown, Matcher.quoteReplacement(Masking.identityNumber(m.group())));
        }
        return m.appendTail(shown).toString();
    }

    /** The first {@code codePoints} characters, never half of one. */
    private static String cut(String text, int codePoints) {
        return text.codePointCount(0, text.length()) <= codePoints ? text
                : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
