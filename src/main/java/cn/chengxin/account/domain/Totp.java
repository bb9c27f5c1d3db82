package cn.chengxin.account.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps compute them: HMAC-SHA1, 30-second steps,
 * six digits. A code is accepted one step early or late (clock drift) and only once: the caller stores the
 * step last used and a code of that step or an earlier one is refused (replay).
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;

    private Totp() {
    }

    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return secret;
    }

    public static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    public static String codeAt(byte[] secret, Instant time) {
        return code(secret, stepAt(time), DIGITS, "HmacSHA1");
    }

    /** @return the step the code belongs to, if it is right, within ±1 step and newer than {@code lastUsedStep} */
    public static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        OptionalLong matched = OptionalLong.empty();
        for (long step = current - 1; step <= current + 1; step++) {
            boolean equal = MessageDigest.isEqual(code(secret, step, DIGITS, "HmacSHA1").getBytes(),
                    code.getBytes());
            if (equal && step > lastUsedStep && matched.isEmpty()) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }

    /** RFC 6238 §4 / RFC 4226 §5.3 dynamic truncation, for any HMAC algorithm and length (tests use 8). */
    static String code(byte[] secret, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
