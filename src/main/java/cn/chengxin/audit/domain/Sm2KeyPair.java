package cn.chengxin.audit.domain;

import java.util.Objects;

/**
 * An SM2 key pair for signing checkpoints, in the text form configuration and publication use (see
 * {@link Sm2Keys}): the private key as the Base64 of its 32-byte scalar, the public key as the Base64 of its
 * 65-byte uncompressed point. {@link #toString()} never shows the private key.
 */
public record Sm2KeyPair(String privateKey, String publicKey) {

    public Sm2KeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    @Override
    public String toString() {
        return "Sm2KeyPair[privateKey=<hidden>, publicKey=" + publicKey + "]";
    }
}
