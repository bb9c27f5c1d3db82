package cn.chengxin.subject.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether the name on a row is the name the subject registry holds. Departments' systems write the same name
 * differently: full-width or half-width digits, letters and brackets (（有限公司） against (有限公司)), one of several
 * middle dots in the names of ethnic-minority and foreign persons (· • ‧ ・), spaces around them or at the ends.
 * Those differences are not another name, so both sides are compared in one form; any other difference is.
 */
public final class SubjectNames {

    /** The middle dots (U+00B7, U+2022, U+2027, U+30FB; NFKC turns the half-width U+FF65 into U+30FB). */
    private static final String MIDDLE_DOTS = "\u00B7\u2022\u2027\u30FB";

    private SubjectNames() {
    }

    public static boolean same(String a, String b) {
        // Nearly every row names its subject exactly as the registry does: no normalising for those.
        return a != null && a.equals(b) || comparable(a).equals(comparable(b));
    }

    /**
     * How a row's name stands to the registry's: the current name, a former one of the row's day, or another; or the
     * registry's name is only provisional ({@link NameSource#EXCHANGE}) and says nothing either way.
     */
    public enum Match {
        CURRENT, FORMER, OTHER, PROVISIONAL
    }

    /**
     * Whether a row decided on {@code day} names the subject: by its current name (whatever the day: the registry's
     * word), or by a former name whose period covers the day ({@link FormerName#covers}: a record decided before a
     * rename names the subject as it was then called). Any other name is another subject's, or a typo.
     */
    public static Match match(String current, List<FormerName> formerNames, String named, LocalDate day) {
        if (same(current, named)) {
            return Match.CURRENT;
        }
        for (FormerName former : formerNames) {
            if (former.covers(day) && same(former.name(), named)) {
                return Match.FORMER;
            }
        }
        return Match.OTHER;
    }

    /** NFKC (full-width brackets become ASCII), one middle dot with no space around it, single inner spaces. */
    static String comparable(String name) {
        if (name == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (MIDDLE_DOTS.indexOf(c) >= 0) {
                out.append('\u00B7');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip().replaceAll(" *\u00B7 *", "\u00B7").replaceAll(" {2,}", " ");
    }
}
