package cn.chengxin.subject.domain;

/**
 * What a search box that takes "a name or a number" was given. A number is looked up only on the posted form, never
 * from an address: a URL ends up in browser history, in the access logs of servers and proxies and in the referrer
 * of the next page (RULES.md §10: identity numbers never in logs).
 */
public final class SearchTerms {

    private SearchTerms() {
    }

    /**
     * Whether what was typed is a document number rather than a name. Names of persons and organisations are written
     * without digits, and every document number holds some — a passport's only a few, a mistyped resident identity
     * number fewer than its 18 — so one digit is enough: such a term is looked up (or refused) as a number, and
     * never travels to an address as a name.
     */
    public static boolean isNumber(String typed) {
        return typed.chars().anyMatch(Character::isDigit);
    }

    /**
     * Whether a term holding digits is a decision document number (驻市监罚〔2025〕881号): those name their issuer in
     * Chinese characters, which no identity document number holds.
     */
    public static boolean isDecisionNumber(String typed) {
        return isNumber(typed) && typed.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
