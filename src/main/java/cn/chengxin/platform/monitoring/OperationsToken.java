package cn.chengxin.platform.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operations team's scrape token ({@code CHENGXIN_MONITORING_TOKEN}), compared in constant time by its digest.
 * None configured: nobody reads the metrics or the health details, the balancer's status answers stay open. One
 * configured must be at least {@link #SHORTEST} characters (a random one: {@code openssl rand -hex 32}); a shorter one
 * stops the start, naming the variable.
 */
final class OperationsToken {

    static final int SHORTEST = 32;

    private final byte[] digest;

    OperationsToken(String token) {
        if (token == null || token.isBlank()) {
            digest = null;
            return;
        }
        if (token.strip().length() < SHORTEST) {
            throw new IllegalStateException("CHENGXIN_MONITORING_TOKEN (chengxin.monitoring.token) must have at least "
                    + SHORTEST + " characters; generate one with: openssl rand -hex 32");
        }
        digest = sha256(token.strip());
    }

    boolean matches(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented.strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
