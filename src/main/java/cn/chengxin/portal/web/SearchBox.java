package cn.chengxin.portal.web;

/**
 * What a public search box was given. An identity number (or unified social credit code) is looked up only from a
 * posted form, never from an address: a URL ends up in browser history, in the access logs of servers and proxies
 * and in the referrer of the next page (RULES.md §10: identity numbers never in logs).
 */
final class SearchBox {

    private SearchBox() {
    }

    /** Identity numbers and credit codes have 15 or 18 characters, nearly all digits; no name has 15 digits. */
    static boolean isNumber(String typed) {
        return typed.strip().chars().filter(Character::isDigit).count() >= 15;
    }
}
