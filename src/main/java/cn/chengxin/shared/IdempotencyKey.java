package cn.chengxin.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * An API request's {@code Idempotency-Key} with the digest of the request it came with (gaps review xxxiii N11): a
 * client that timed out sends the request again under the same key and is answered with the first result, not a
 * second one, as the submissions API answers a batch sent again (README 归集). The key is a UUID, as a batch id is,
 * and is kept per calling client for {@link #KEPT}; the same key with another request is refused 409
 * {@code IDEMPOTENCY_KEY_CONFLICT}, as a batch id is with BATCH_CONFLICT.
 *
 * @param key    the key the client sent
 * @param digest SM3 of the request's parts, salted with the key: the body names a person (an identity number), so
 *               it is kept only as this digest
 */
public record IdempotencyKey(UUID key, String digest) {

    /**
     * How long a key answers its first result: a day covers any client's retries (a timeout, a restart, a night's
     * batch run again the next morning) and is well within a report's validity and a consent's life.
     */
    public static final Duration KEPT = Duration.ofHours(24);

    /**
     * The key of the header with the digest of the request's {@code parts}; null when the header is absent or blank
     * (the request is answered as before, once per call).
     *
     * @throws CodedProblem IDEMPOTENCY_KEY_INVALID (422) for a key that is not a UUID
     */
    public static IdempotencyKey of(String header, Object... parts) {
        if (header == null || header.isBlank()) {
            return null;
        }
        UUID key;
        try {
            key = UUID.fromString(header.strip());
        } catch (IllegalArgumentException e) {
            throw new CodedProblem("IDEMPOTENCY_KEY_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "Idempotency-Key 应为 UUID");
        }
        SM3Digest sm3 = new SM3Digest();
        update(sm3, key.toString());
        for (Object part : parts) {
            update(sm3, part == null ? null : part.toString());
        }
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return new IdempotencyKey(key, HexFormat.of().formatHex(out));
    }

    /** Whether a request kept under this key is this one; else it is refused {@link #conflict()}. */
    public boolean sameRequest(String keptDigest) {
        return MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                keptDigest.getBytes(StandardCharsets.US_ASCII));
    }

    /** The refusal of the key sent again with another request (409). */
    public static CodedProblem conflict() {
        return new CodedProblem("IDEMPOTENCY_KEY_CONFLICT", DomainProblem.Kind.CONFLICT,
                "该 Idempotency-Key 已用于内容不同的另一次请求：新的请求请使用新的 Idempotency-Key");
    }

    /** The oldest moment a key kept answers at {@code now}. */
    public static Instant keptSince(Instant now) {
        return now.minus(KEPT);
    }

    /** Each part with its length, so that no two lists of parts read the same ("ab","c" is not "a","bc"). */
    private static void update(SM3Digest sm3, String part) {
        byte[] bytes = (part == null ? "-" : part.length() + ":" + part).getBytes(StandardCharsets.UTF_8);
        sm3.update(bytes, 0, bytes.length);
        sm3.update((byte) ';');
    }
}
