package cn.chengxin.subject.domain;

/**
 * Display masks for personal data, used by every page, report and export (RULES.md §10:
 * {@code 1101**********002X}; names like {@code 张*明}). Masking is irreversible by design.
 */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first and last four characters of an identity number (first and last one if short). */
    public static String identityNumber(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        int keep = number.length() >= 12 ? 4 : number.length() >= 6 ? 2 : 1;
        if (number.length() <= 2 * keep) {
            return "*".repeat(number.length());
        }
        return number.substring(0, keep) + "*".repeat(number.length() - 2 * keep)
                + number.substring(number.length() - keep);
    }

    /**
     * Whether a screen that shows a number of this type masked may show the holder's whole birth date beside it.
     * Not for a GB 11643 number: its digits 7–14 are the birth date, so the date would give back 8 of the 10 digits
     * the mask hides (RULES.md §10: ID numbers masked on screens); such screens show the birth year only. A passport
     * or permit number does not carry the date.
     */
    public static boolean wholeBirthDateBeside(DocumentType type) {
        return type == null || !type.carriesBirthDate();
    }

    /** 张三 → 张*, 张小明 → 张*明, 欧阳小明 → 欧**明. */
    public static String personName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        String first = new String(cps, 0, 1);
        if (cps.length == 2) {
            return first + "*";
        }
        return first + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }
}
