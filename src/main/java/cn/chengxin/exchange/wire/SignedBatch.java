package cn.chengxin.exchange.wire;

import java.util.Base64;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.Batch;

/**
 * A batch as sent: its exact bytes, the sender's code, the SM3 digest of the bytes and the SM2 signature over them,
 * carried in the HTTP headers {@value #PLATFORM}, {@value #DIGEST} and {@value #SIGNATURE} (or the Kafka record's
 * headers of the same names).
 */
public record SignedBatch(String from, byte[] body, String digest, String signature) {

    public static final String PLATFORM = "Chengxin-Platform";
    public static final String DIGEST = "Chengxin-Digest";
    public static final String SIGNATURE = "Chengxin-Signature";
    public static final String DIGEST_PREFIX = "sm3=";

    public static SignedBatch sign(Batch batch, SigningKeys.SigningKey key) {
        byte[] body = BatchCodec.write(batch);
        return new SignedBatch(batch.from(), body, DIGEST_PREFIX + BatchCodec.digest(body),
                Base64.getEncoder().encodeToString(key.sign(body)));
    }

    /** Whether the digest header matches the bytes. */
    public boolean digestMatches() {
        return digest != null && digest.equals(DIGEST_PREFIX + BatchCodec.digest(body));
    }

    /** Whether the signature verifies with the partner's public key. */
    public boolean signedBy(String publicKey) {
        if (signature == null) {
            return false;
        }
        try {
            return SigningKeys.verify(publicKey, body, Base64.getDecoder().decode(signature.strip()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
