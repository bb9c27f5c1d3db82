package cn.chengxin.ingestion.domain;

import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.Normalisation;

/**
 * The identity number a rejected row was sent with, as its department's clerk may see it again: masked
 * (RULES.md §10), read as the registry reads a number (NFKC, white space removed, upper case), so that the
 * clerk recognises the row in the file. A row is rejected because its number may be wrong, so every value is
 * masked the same way, valid or not; a value far longer than any number keeps a mask of bounded length.
 */
public final class MaskedNumber {

    /** Far beyond the 18 characters of an identity number or credit code. */
    static final int LONGEST = 40;

    private MaskedNumber() {
    }

    /** @return the mask, or {@code null} when the row was sent without a number */
    public static String of(String sent) {
        if (sent == null) {
            return null;
        }
        String number = Normalisation.canonical(sent);
        if (number.isEmpty()) {
            return null;
        }
        String masked = Masking.identityNumber(number);
        return masked.length() <= LONGEST ? masked
                : masked.substring(0, 4) + "*".repeat(LONGEST - 8) + masked.substring(masked.length() - 4);
    }
}
