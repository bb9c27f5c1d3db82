package cn.chengxin.audit.domain;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.BigIntegers;

/**
 * Signs checkpoints with SM2 (GB/T 32918, curve sm2p256v1, SM3 digest, default user id) — the national
 * signature algorithm expected of level-3 systems (GB/T 39786-2021). The private key is a 32-byte scalar.
 */
public final class CheckpointSigner {

    static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
            CURVE.getH());

    private final ECPrivateKeyParameters privateKey;
    private final SecureRandom random = new SecureRandom();

    private CheckpointSigner(ECPrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
    }

    public static CheckpointSigner fromPrivateKey(byte[] scalar) {
        BigInteger d = BigIntegers.fromUnsignedByteArray(scalar);
        if (d.signum() <= 0 || d.compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) >= 0) {
            throw new IllegalArgumentException("not an SM2 private key");
        }
        return new CheckpointSigner(new ECPrivateKeyParameters(d, DOMAIN));
    }

    /** A new random private key, base64 of its 32-byte scalar. */
    public static String generatePrivateKeyBase64() {
        SecureRandom random = new SecureRandom();
        BigInteger d;
        do {
            d = BigIntegers.createRandomBigInteger(256, random);
        } while (d.signum() <= 0 || d.compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) >= 0);
        return Base64.getEncoder().encodeToString(BigIntegers.asUnsignedByteArray(32, d));
    }

    /** The DER-encoded SM2 signature of the checkpoint's signed bytes. */
    public byte[] sign(Checkpoint checkpoint) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(privateKey, random));
        byte[] message = checkpoint.signedBytes();
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** The public key, uncompressed point (65 bytes), base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(DOMAIN.getG().multiply(privateKey.getD()).normalize()
                .getEncoded(false));
    }
}
