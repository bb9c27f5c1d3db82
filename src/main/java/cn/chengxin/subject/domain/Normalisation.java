package cn.chengxin.subject.domain;

import java.text.Normalizer;

/**
 * Brings a typed or imported document number to its canonical form before it is validated, indexed or
 * stored: NFKC (full-width digits and letters become ASCII, the ideographic space a space), all white
 * space removed, letters upper-cased (lower-case {@code x} is accepted on input, RULES.md §1).
 */
public final class Normalisation {

    private Normalisation() {
    }

    public static String canonical(String raw) {
        if (raw == null) {
            return "";
        }
        if (alreadyCanonical(raw)) {
            // Digits and capital letters only, as nearly every number a system sends (a check's, an import's): NFKC
            // leaves ASCII as it is, and there is no space to remove and no letter to upper-case. A check's number is
            // normalised twice where its type is inferred (IdentityDocument.inferred, then the type's parser).
            return raw;
        }
        return normalised(raw);
    }

    /** The normalisation itself, for any text; {@link #canonical} gives the same, sooner, for one already canonical. */
    static String normalised(String raw) {
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    private static boolean alreadyCanonical(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c < '0' || c > '9') && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }
}
