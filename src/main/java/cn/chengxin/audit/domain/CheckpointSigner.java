package cn.chengxin.audit.domain;

import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * Signs {@link Checkpoint#signedBytes()} with SM2 over SM3 ("SM3withSM2", GB/T 32918.2), the signature the
 * commercial-cryptography rules expect, so that the log cannot later deny a root it published. Uses the default
 * signer identity {@code 1234567812345678} of GM/T 0009 in Z_A and the DER {@code SEQUENCE {r, s}} of GM/T 0009,
 * so any standard SM2 verifier can check it with the public key alone.
 *
 * <p>Thread-safe: a signer is created per call.
 */
public final class CheckpointSigner {

    private final ECPrivateKeyParameters key;
    private final String publicKey;
    private final SecureRandom random;

    /** @param privateKey Base64 of the 32-byte scalar, as {@link Sm2Keys} encodes it */
    public CheckpointSigner(String privateKey) {
        this(privateKey, new SecureRandom());
    }

    public CheckpointSigner(String privateKey, SecureRandom random) {
        this.key = Sm2Keys.privateKey(privateKey);
        this.publicKey = Sm2Keys.publicKeyOf(privateKey);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The DER-encoded SM2 signature of the checkpoint's signed bytes. */
    public byte[] sign(Checkpoint checkpoint) {
        return signMessage(checkpoint.signedBytes());
    }

    /** The DER-encoded SM3withSM2 signature of any message (exchange batches sign their bytes this way too). */
    public byte[] signMessage(byte[] message) {
        Objects.requireNonNull(message, "message");
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(key, random));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** The public key that verifies this signer's signatures (Base64 of the uncompressed point). */
    public String publicKey() {
        return publicKey;
    }
}
