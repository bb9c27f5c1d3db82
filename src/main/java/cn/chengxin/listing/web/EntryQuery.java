package cn.chengxin.listing.web;

import java.util.regex.Pattern;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;

/**
 * What the console's search box asked for: the start of a name, or an identity number turned at once into its
 * pseudonym (as the public list search does), so that the number is neither stored nor echoed; the page shows it
 * masked, and its paging links carry the pseudonym. A number that is not valid is a problem to show, not a name.
 *
 * @param text         what to show again in the box: the name typed, never a number
 * @param name         the start of the name on the entry, or {@code null}
 * @param pseudonym    the blind index of the number, or {@code null}
 * @param maskedNumber the number typed, masked, or {@code null}
 * @param problem      why the number typed is not valid, or {@code null}
 */
record EntryQuery(String text, String name, String pseudonym, String maskedNumber, String problem) {

    /** Identity numbers and unified social credit codes: 15 to 18 letters and digits, mostly digits. */
    private static final Pattern NUMBER = Pattern.compile("(?=(?:\\D*\\d){6})[0-9A-Za-z]{15,18}");
    /** Pseudonyms are hex; anything else in a paging link is ignored. */
    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{16,128}");
    private static final int LONGEST_NAME = 100;

    static EntryQuery of(String typed, String pseudonym, SubjectRegistry subjects) {
        String q = typed.strip();
        if (NUMBER.matcher(q).matches()) {
            try {
                IdentityDocument document = subjects.validate(null, q);
                return new EntryQuery("", null, subjects.pseudonymOf(document), document.masked(), null);
            } catch (InvalidIdentityException e) {
                return new EntryQuery("", null, null, null, e.getMessage());
            }
        }
        if (!q.isEmpty()) {
            String name = q.length() > LONGEST_NAME ? q.substring(0, LONGEST_NAME) : q;
            return new EntryQuery(name, name, null, null, null);
        }
        String p = pseudonym.strip();
        return new EntryQuery("", null, PSEUDONYM.matcher(p).matches() ? p : null, null, null);
    }
}
