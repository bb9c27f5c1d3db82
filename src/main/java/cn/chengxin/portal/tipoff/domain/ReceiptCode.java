package cn.chengxin.portal.tipoff.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The code a reporter keeps to follow a tip-off: 12 characters of the RFC 4648 base32 alphabet (60 random
 * bits, so not guessable), easy to read aloud and to type in any case. Only its SHA-256 is stored: whoever
 * holds the code may see the status, so the database holds nothing that works as the code.
 */
public final class ReceiptCode {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public static final int LENGTH = 12;

    private ReceiptCode() {
    }

    /** A new code from {@code random}, which must be a cryptographically strong generator in production. */
    public static String generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed (lower case, spaces, dashes allowed), or empty when it cannot be a receipt code. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** What is stored and looked up instead of the code. */
    public static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
