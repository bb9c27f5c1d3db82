package cn.chengxin.subject.domain;

/**
 * What a search box that takes "a name or a number" was given. A number is looked up only on the posted form, never
 * from an address: a URL ends up in browser history, in the access logs of servers and proxies and in the referrer
 * of the next page (RULES.md §10: identity numbers never in logs).
 */
public final class SearchTerms {

    private SearchTerms() {
    }

    /** A run of digits this long is part of a document number, whatever surrounds it. */
    private static final java.util.regex.Pattern DIGIT_RUN = java.util.regex.Pattern.compile("\\p{Nd}{6}");

    /**
     * Whether what was typed is a document number rather than a name. Every document number holds digits — a
     * passport's only a few, a mistyped resident identity number fewer than its 18 — and none holds a Chinese
     * character; names of persons hold no digit. So a term with a digit and no Chinese character is a number, and so
     * is any term holding a run of six digits; such a term is looked up (or refused) as a number and never travels to
     * an address as a name. An organisation's name may hold a few digits among Chinese characters (58同城, 5G科技有限公司):
     * it stays a name.
     */
    public static boolean isNumber(String typed) {
        if (typed.chars().noneMatch(Character::isDigit)) {
            return false;
        }
        return !hasHan(typed) || DIGIT_RUN.matcher(typed).find();
    }

    /**
     * Whether a term holding digits is a decision document number (驻市监罚〔2025〕881号): those name their issuer in
     * Chinese characters, which no identity document number holds.
     */
    public static boolean isDecisionNumber(String typed) {
        return typed.chars().anyMatch(Character::isDigit) && hasHan(typed) && !ResidentIdentityNumber.appearsIn(typed);
    }

    /** As long as an identity number (15 digits, or 17 and a check character), valid or mistyped. */
    private static final java.util.regex.Pattern IDENTITY_LENGTH_RUN =
            java.util.regex.Pattern.compile("\\p{Nd}{14}[\\p{Nd}Xx]");

    /**
     * Whether a term holds a run of characters as long as an identity number. Some decision numbers do (京朝市监罚字
     * 〔2025〕110105202500123号), and so does a resident number mistyped beside a name, which is no valid number and
     * so passes for a decision number: such a term is looked up where it was posted, never carried in an address.
     */
    public static boolean holdsIdentityLengthRun(String typed) {
        return IDENTITY_LENGTH_RUN.matcher(typed).find();
    }

    private static boolean hasHan(String typed) {
        return typed.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
