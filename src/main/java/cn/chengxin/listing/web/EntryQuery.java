package cn.chengxin.listing.web;

import cn.chengxin.shared.web.NumberSearches;
import cn.chengxin.subject.domain.SearchTerms;

/**
 * What the console's entries are searched by: the start of a name, or a look-up by identity number. The number is
 * turned at once into its pseudonym (as the public list search does), so that it is neither stored nor echoed; the
 * page shows it masked, and its paging links carry the look-up's token ({@link NumberSearches}), never the number
 * or the pseudonym. A number that is not valid, or a token no longer kept, is a problem to show, and nothing is
 * listed then: never all the entries instead of the person's.
 *
 * @param text         what to show again in the box: the name typed, never a number
 * @param name         the start of the name on the entry, or {@code null}
 * @param pseudonym    the blind index of the number, or {@code null}
 * @param maskedNumber the number looked up, masked, or {@code null}
 * @param token        the look-up by number's token, for the paging links, or {@code null}
 * @param problem      why the number typed is not valid, or {@code null}
 * @param problemKey   the message of another reason nothing is searched, or {@code null}
 */
record EntryQuery(String text, String name, String pseudonym, String maskedNumber, String token, String problem,
                  String problemKey) {

    private static final int LONGEST_NAME = 100;

    /** Names hold no digits; whatever does is a number, a passport's or a mistyped one ({@link SearchTerms}). */
    static boolean looksLikeNumber(String typed) {
        return SearchTerms.isNumber(typed);
    }

    /** The start of a name, or nothing typed. */
    static EntryQuery name(String typed) {
        String q = typed.strip();
        String name = q.length() > LONGEST_NAME ? q.substring(0, LONGEST_NAME) : q;
        return new EntryQuery(name, name.isEmpty() ? null : name, null, null, null, null, null);
    }

    static EntryQuery byNumber(NumberSearches.Found found, String token) {
        return new EntryQuery("", null, found.pseudonym(), found.maskedNumber(), token, null, null);
    }

    static EntryQuery invalidNumber(String why) {
        return new EntryQuery("", null, null, null, null, why, null);
    }

    static EntryQuery refused(String messageKey) {
        return new EntryQuery("", null, null, null, null, null, messageKey);
    }

    /** Nothing is searched: the page lists no entries. */
    boolean searchesNothing() {
        return problem != null || problemKey != null;
    }
}
