package cn.chengxin.exchange.wire;

import java.util.Base64;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.Batch;

/**
 * A batch as sent: its exact bytes — the {@link SealedBody} envelope, the batch encrypted for the receiver — the
 * sender's code, the SM3 digest of the bytes and the SM2 signature over them, carried in the HTTP headers
 * {@value #PLATFORM}, {@value #DIGEST} and {@value #SIGNATURE} (or the Kafka record's headers of the same names).
 *
 * <p>The signature covers the ciphertext, not the plaintext inside: a receiver verifies who sent the bytes before it
 * decrypts or parses anything (an unknown or forging sender gets no SM2 decryption and no parser), and a broker or
 * an auditor can check the origin of a stored batch without the receiver's key. The envelope's associated data names
 * sender and receiver, so a platform that re-signs another's ciphertext as its own is refused.
 */
public record SignedBatch(String from, byte[] body, String digest, String signature) {

    public static final String PLATFORM = "Chengxin-Platform";
    public static final String DIGEST = "Chengxin-Digest";
    public static final String SIGNATURE = "Chengxin-Signature";
    public static final String DIGEST_PREFIX = "sm3=";

    /** Encrypts the batch for its receiver (whose SM2 public key is {@code recipientPublicKey}) and signs that. */
    public static SignedBatch sign(Batch batch, SigningKeys.SigningKey key, String recipientPublicKey) {
        return seal(batch.from(), batch.to(), BatchCodec.write(batch), key, recipientPublicKey);
    }

    /** Encrypts the batch's exact bytes (as {@link BatchCodec#write} writes them) and signs the envelope. */
    public static SignedBatch seal(String from, String to, byte[] batch, SigningKeys.SigningKey key,
                                   String recipientPublicKey) {
        byte[] body = SealedBody.seal(batch, from, to, recipientPublicKey);
        return new SignedBatch(from, body, DIGEST_PREFIX + BatchCodec.digest(body),
                Base64.getEncoder().encodeToString(key.sign(body)));
    }

    /**
     * The batch's bytes, decrypted with this platform's key ({@code to}, {@code own}); call once {@link #signedBy}
     * and {@link #digestMatches} hold.
     *
     * @throws SealedBody.Unreadable with the problem code when it does not open
     */
    public byte[] open(String to, SigningKeys.SigningKey own) {
        return SealedBody.open(body, from, to, own);
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
