package cn.chengxin.account.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps compute them: HMAC-SHA1, 30-second steps
 * counted from the Unix epoch, 6 digits. They are the second factor that GB/T 22239-2019 level 3 asks of
 * administrators (§8.1.4.1 d: two or more combined authentication techniques, one of them cryptographic).
 *
 * <p>{@link #verify} accepts the code of the current step and of one step either side (RFC 6238 §5.2 allows
 * for clock drift and typing time), compares in constant time, and accepts a step only if it is later than
 * the last one accepted for the same secret, so that an observed code cannot be replayed (§5.2: "the
 * verifier MUST NOT accept the second attempt of the same OTP").
 */
public final class Totp {

    /** Length of a new secret: 160 bits, as RFC 4226 §4 R6 recommends for HMAC-SHA1. */
    public static final int SECRET_BYTES = 20;
    /** Time step X of RFC 6238 §4.1, in seconds. */
    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    public static final int WINDOW = 1;
    /** The {@code lastUsedStep} of a secret that has never been used. */
    public static final long NO_STEP_USED = -1;

    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
            10_000_000L, 100_000_000L, 1_000_000_000L};

    /** The HMAC functions of RFC 6238 §1.2; only SHA1 is used outside tests, as authenticator apps expect. */
    enum Algorithm {
        SHA1("HmacSHA1"),
        SHA256("HmacSHA256"),
        SHA512("HmacSHA512");

        private final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }
    }

    private Totp() {
    }

    /** A fresh random secret of {@link #SECRET_BYTES} bytes. */
    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** The time step (RFC 6238 §4.2: T = floor((time − T0) / X), T0 = 0) that contains {@code time}. */
    public static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code for {@code time}, zero-padded. */
    public static String codeAt(byte[] secret, Instant time) {
        return code(secret, stepAt(time), DIGITS, Algorithm.SHA1);
    }

    /**
     * Checks a code typed by the user.
     *
     * @param code         the code as typed; spaces are ignored ("123 456" as apps display it)
     * @param now          the current time
     * @param lastUsedStep the step last accepted for this secret, or {@link #NO_STEP_USED}
     * @return the matched step, to be stored as the new {@code lastUsedStep}; empty if the code is wrong,
     *         outside the window or already used
     */
    public static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(now, "now");
        if (code == null) {
            return OptionalLong.empty();
        }
        String typed = code.replace(" ", "");
        if (typed.length() != DIGITS || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] presented = typed.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        long matched = Long.MIN_VALUE;
        // Every step of the window is computed and compared, matched or not, so timing says nothing.
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (step < 0) {
                continue;
            }
            byte[] expected = code(secret, step, DIGITS, Algorithm.SHA1).getBytes(StandardCharsets.US_ASCII);
            boolean equal = MessageDigest.isEqual(expected, presented);
            if (equal && step > lastUsedStep && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** The code for {@code time} with any digit count and algorithm: the RFC 6238 Appendix B form. */
    static String codeAt(byte[] secret, Instant time, int digits, Algorithm algorithm) {
        return code(secret, stepAt(time), digits, algorithm);
    }

    /** HOTP (RFC 4226 §5.3) of one counter value: HMAC, dynamic truncation, modulo 10^digits. */
    static String code(byte[] secret, long counter, int digits, Algorithm algorithm) {
        if (digits < 6 || digits > 9) {
            throw new IllegalArgumentException("digits must be 6 to 9 (RFC 4226 §5.3)");
        }
        byte[] hash = hmac(algorithm, secret, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = ((hash[offset] & 0x7F) << 24)
                | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8)
                | (hash[offset + 3] & 0xFF);
        long otp = binary % POWERS_OF_TEN[digits];
        String text = Long.toString(otp);
        return "0".repeat(digits - text.length()) + text;
    }

    private static byte[] hmac(Algorithm algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName);
            mac.init(new SecretKeySpec(key, algorithm.jcaName));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC " + algorithm + " is unavailable", e);
        }
    }
}
