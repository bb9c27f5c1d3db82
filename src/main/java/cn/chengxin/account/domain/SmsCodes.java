package cn.chengxin.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The one-time codes texted to a citizen's phone, for registration and for 找回密码 alike: six digits, valid 5
 * minutes, 5 tries. Stored only as a keyed hash (the caller's), compared in constant time so that the time of a
 * refusal tells nothing of how much of a code was right.
 */
public final class SmsCodes {

    public static final Duration VALIDITY = Duration.ofMinutes(5);
    public static final int ATTEMPTS = 5;

    private SmsCodes() {
    }

    /** A new code of six digits, leading zeros kept. */
    public static String next(SecureRandom random) {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** Whether the stored hash and the hash of the code given are the same, in constant time. */
    public static boolean same(String storedHash, String givenHash) {
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                givenHash.getBytes(StandardCharsets.US_ASCII));
    }
}
