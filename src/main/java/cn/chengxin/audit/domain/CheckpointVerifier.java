package cn.chengxin.audit.domain;

import java.util.Objects;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * Checks a {@link CheckpointSigner} signature with the log's published SM2 public key, so that auditors and
 * data subjects can trust a root without trusting the server that hands it out.
 *
 * <p>Thread-safe: a verifier is created per call.
 */
public final class CheckpointVerifier {

    private final ECPublicKeyParameters key;

    /** @param publicKey Base64 of the 65-byte uncompressed point, as {@link Sm2Keys} encodes it */
    public CheckpointVerifier(String publicKey) {
        this.key = Sm2Keys.publicKey(publicKey);
    }

    /** True when {@code signature} is a valid SM2 signature of the checkpoint's signed bytes; false otherwise. */
    public boolean verify(Checkpoint checkpoint, byte[] signature) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        return verifyMessage(checkpoint.signedBytes(), signature);
    }

    /** SM3withSM2 verification of any message (also the GM/T 0003.5 known-answer test and exchange batches). */
    public boolean verifyMessage(byte[] message, byte[] signature) {
        if (signature == null || signature.length == 0) {
            return false;
        }
        SM2Signer verifier = new SM2Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
