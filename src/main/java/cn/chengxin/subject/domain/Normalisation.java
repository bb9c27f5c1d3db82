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
}
