package cn.chengxin.subject.domain;

import java.util.Objects;

/**
 * An 18-character unified social credit code (统一社会信用代码, GB 32100-2015), the key of an organisation
 * (RULES.md §1): registration authority (1), organisation type (1), region code (6), the GB 11714
 * organisation code with its own check (9), and a MOD 31 check character over the first 17.
 */
public final class UnifiedSocialCreditCode {

    /** The 31 characters of the code in value order; I, O, S, V and Z are never used. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** GB 32100 registration authorities: 1 机构编制, 2 外交, 3 司法行政, … 9 市场监管, A 中央军委, N 农业, Y 其他. */
    private static final String REGISTRATION_AUTHORITIES = "123456789ANY";
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    /**
     * @throws InvalidIdentityException with a specific {@link IdentityRejection}
     */
    public static UnifiedSocialCreditCode parse(String raw) {
        String code = Normalisation.canonical(raw);
        if (code.length() != 18 || !allInCharset(code) || !allDigits(code.substring(2, 8))) {
            throw new InvalidIdentityException(IdentityRejection.USCC_FORMAT);
        }
        if (checkCharFor(code) != code.charAt(17)) {
            throw new InvalidIdentityException(IdentityRejection.USCC_CHECKSUM);
        }
        if (REGISTRATION_AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            throw new InvalidIdentityException(IdentityRejection.USCC_REGISTRATION_AUTHORITY);
        }
        if (organisationCodeCheckCharFor(code.substring(8, 16)) != code.charAt(16)) {
            throw new InvalidIdentityException(IdentityRejection.USCC_ORGANISATION_CODE_CHECKSUM);
        }
        return new UnifiedSocialCreditCode(code);
    }

    /** c = 31 − (Σ value × weight mod 31), 31 → 0 (GB 32100-2015 §4.3). */
    public static char checkCharFor(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    /**
     * GB 11714-1997 organisation code check over its 8-character body: digits are worth 0–9, letters
     * A–Z 10–35; c = 11 − (Σ mod 11), 10 → X, 11 → 0.
     */
    public static char organisationCodeCheckCharFor(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * ORGANISATION_CODE_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    private static boolean allInCharset(String code) {
        for (int i = 0; i < code.length(); i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    public String value() {
        return value;
    }

    /** Region code of the registration authority (characters 3–8). */
    public String regionCode() {
        return value.substring(2, 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnifiedSocialCreditCode other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
