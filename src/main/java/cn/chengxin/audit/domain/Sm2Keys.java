package cn.chengxin.audit.domain;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.SM2KeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 keys on the recommended curve sm2p256v1 (GM/T 0003.5, GB/T 32918.5) and their text encodings, with the
 * Bouncy Castle lightweight API so that no JCA provider has to be registered. A private key is the Base64 of its
 * scalar d as 32 big-endian bytes; a public key is the Base64 of its uncompressed point {@code 04 || x || y}
 * (GB/T 32918.1), 65 bytes. Decoding rejects anything that is not a valid key on the curve.
 */
public final class Sm2Keys {

    static final ECDomainParameters DOMAIN = new ECDomainParameters(GMNamedCurves.getByName("sm2p256v1"));

    private static final int SCALAR_BYTES = 32;
    private static final int POINT_BYTES = 1 + 2 * SCALAR_BYTES;
    private static final byte UNCOMPRESSED = 0x04;

    private Sm2Keys() {
    }

    public static Sm2KeyPair generate() {
        return generate(new SecureRandom());
    }

    public static Sm2KeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        SM2KeyPairGenerator generator = new SM2KeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new Sm2KeyPair(encode(((ECPrivateKeyParameters) pair.getPrivate()).getD()),
                encode(((ECPublicKeyParameters) pair.getPublic()).getQ()));
    }

    /** The public key that belongs to {@code privateKey}, so that configuration needs to hold the private key only. */
    public static String publicKeyOf(String privateKey) {
        ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), privateKey(privateKey).getD());
        return encode(q);
    }

    /** Decodes a private key; SM2 needs 1 ≤ d ≤ n − 2 (GB/T 32918.1 key generation): 1 + d must be invertible. */
    static ECPrivateKeyParameters privateKey(String encoded) {
        byte[] bytes = decodeBase64(encoded, "private");
        if (bytes.length != SCALAR_BYTES) {
            throw new IllegalArgumentException(
                    "an SM2 private key has " + SCALAR_BYTES + " bytes, not " + bytes.length);
        }
        BigInteger d = new BigInteger(1, bytes);
        if (d.signum() <= 0 || d.compareTo(DOMAIN.getN().subtract(BigInteger.TWO)) > 0) {
            throw new IllegalArgumentException("the SM2 private key is out of range");
        }
        return new ECPrivateKeyParameters(d, DOMAIN);
    }

    /** Decodes an uncompressed public key and checks that it is a point of the curve's prime-order group. */
    static ECPublicKeyParameters publicKey(String encoded) {
        byte[] bytes = decodeBase64(encoded, "public");
        if (bytes.length != POINT_BYTES || bytes[0] != UNCOMPRESSED) {
            throw new IllegalArgumentException("an SM2 public key is a " + POINT_BYTES + "-byte uncompressed point");
        }
        try {
            ECPoint q = DOMAIN.getCurve().decodePoint(bytes);
            return new ECPublicKeyParameters(q, DOMAIN);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the SM2 public key is not a valid point of sm2p256v1", e);
        }
    }

    private static String encode(BigInteger d) {
        return Base64.getEncoder().encodeToString(BigIntegers.asUnsignedByteArray(SCALAR_BYTES, d));
    }

    private static String encode(ECPoint q) {
        return Base64.getEncoder().encodeToString(q.normalize().getEncoded(false));
    }

    private static byte[] decodeBase64(String encoded, String kind) {
        Objects.requireNonNull(encoded, kind + " key");
        try {
            return Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the SM2 " + kind + " key is not Base64", e);
        }
    }
}
