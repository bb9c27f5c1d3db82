package cn.chengxin.audit.domain;

import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ParametersWithRandom;

/**
 * SM2 public-key encryption (GB/T 32918.4) on sm2p256v1 with SM3, ciphertext in the standard order
 * {@code C1 || C3 || C2} (65-byte point, 32-byte SM3 check, then the message's length): what a platform uses to hand
 * a partner a fresh symmetric key that only the partner's private key recovers.
 */
public final class Sm2Encryption {

    private Sm2Encryption() {
    }

    /** @param publicKey Base64 of the recipient's uncompressed point, as {@link Sm2Keys} encodes it */
    public static byte[] encrypt(String publicKey, byte[] plaintext, SecureRandom random) {
        Objects.requireNonNull(plaintext, "plaintext");
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(Sm2Keys.publicKey(publicKey), random));
        try {
            return engine.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    /**
     * @param privateKey Base64 of the 32-byte scalar
     * @throws IllegalArgumentException when the ciphertext was not made for this key or was altered (C3 does not match)
     */
    public static byte[] decrypt(String privateKey, byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(false, Sm2Keys.privateKey(privateKey));
        try {
            return engine.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new IllegalArgumentException("the SM2 ciphertext does not decrypt with this key", e);
        }
    }
}
