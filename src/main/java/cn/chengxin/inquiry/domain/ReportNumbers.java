package cn.chengxin.inquiry.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Report numbers and verification codes (RULES.md §9: a report carries its number and a verification code). The
 * number says the day and carries 12 random digits, so numbers cannot be enumerated; the code is 8 characters from
 * an alphabet without look-alikes (no 0/O, 1/I/L), about 40 bits: with the verification page's rate limit a guess
 * of a code for a known number succeeds with negligible probability.
 */
public final class ReportNumbers {

    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final RandomGenerator random;

    /** @param random a cryptographically strong generator in production (SecureRandom) */
    public ReportNumbers(RandomGenerator random) {
        this.random = random;
    }

    public String number(LocalDate day) {
        StringBuilder number = new StringBuilder("XY").append(DAY.format(day));
        for (int i = 0; i < 12; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        return number.toString();
    }

    public String verificationCode() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, made comparable: spaces and dashes dropped, upper case. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
