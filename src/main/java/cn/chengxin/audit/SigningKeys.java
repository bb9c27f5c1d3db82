package cn.chengxin.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import cn.chengxin.audit.domain.CheckpointSigner;
import cn.chengxin.audit.domain.CheckpointVerifier;
import cn.chengxin.audit.domain.MerkleHash;
import cn.chengxin.audit.domain.Sm2Encryption;
import cn.chengxin.audit.domain.Sm2Keys;
import cn.chengxin.audit.persistence.AuditKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * SM2 keys for the other modules that must sign what they publish (exchange batches) and open what is encrypted for
 * them (an exchange batch's key), kept and generated
 * exactly like the audit log's checkpoint key: a Base64 file in the key directory, generated on first start only
 * where keys may be generated (dev), supplied in production. Signatures are SM3withSM2 (GB/T 32918.2) with the
 * default signer identity, so any standard SM2 verifier checks them with the public key alone.
 */
@Service
public class SigningKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final boolean generateMissing;

    SigningKeys(@Value("${chengxin.keys.dir:data/keys}") Path dir,
                @Value("${chengxin.keys.generate-missing:false}") boolean generateMissing) {
        this.dir = dir;
        this.generateMissing = generateMissing;
    }

    /** The key kept in {@code <name>-sm2.key}, generated on first use where keys may be generated. */
    public SigningKey load(String name) {
        if (!name.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("a key name is lower-case letters, digits and hyphens");
        }
        try {
            byte[] scalar = AuditKeys.read(dir.resolve(name + "-sm2.key"), generateMissing,
                    () -> Sm2Keys.generate().privateKey());
            return of(Base64.getEncoder().encodeToString(scalar));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + name, e);
        }
    }

    /**
     * Where the next version of the audit row-sealing key goes in the key directory {@code dir}
     * ({@code generate-keys --next-row-mac-key}, I4): one above the highest version there; empty when {@code dir}
     * holds no row-sealing key (not a key directory in use).
     */
    public static java.util.Optional<Path> nextRowMacKeyFile(Path dir) throws IOException {
        java.util.Set<Integer> versions = AuditKeys.rowMacKeys(dir).keySet();
        return versions.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(dir.resolve(AuditKeys.rowMacFile(java.util.Collections.max(versions) + 1)));
    }

    /** A signing key from its private key (Base64 of the 32-byte scalar): partners' keys in tests and tools. */
    public static SigningKey of(String privateKey) {
        return new SigningKey(new CheckpointSigner(privateKey), privateKey);
    }

    /**
     * SM2 public-key encryption (GB/T 32918.4, {@code C1C3C2}) of a short secret (a symmetric key) for the holder of
     * {@code publicKey} (Base64 of the 65-byte uncompressed point), who alone recovers it with {@link SigningKey#decrypt}.
     */
    public static byte[] encryptFor(String publicKey, byte[] secret) {
        return Sm2Encryption.encrypt(publicKey, secret, RANDOM);
    }

    /** A fresh private key (Base64 of the 32-byte scalar) on sm2p256v1. */
    public static String generatePrivateKey() {
        return Sm2Keys.generate().privateKey();
    }

    /**
     * True when {@code signature} is a valid SM3withSM2 signature of {@code message} by {@code publicKey}
     * (Base64 of the 65-byte uncompressed point); false for any malformed input.
     */
    public static boolean verify(String publicKey, byte[] message, byte[] signature) {
        try {
            return new CheckpointVerifier(publicKey).verifyMessage(message, signature);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Whether {@code publicKey} is a well-formed SM2 public key on sm2p256v1. */
    public static boolean validPublicKey(String publicKey) {
        try {
            new CheckpointVerifier(publicKey);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** SM3 (GB/T 32905) of {@code bytes}. */
    public static byte[] sm3(byte[] bytes) {
        return MerkleHash.sm3().hash(bytes);
    }

    /** One SM2 key able to sign; never shows its private half. */
    public static final class SigningKey {

        private final CheckpointSigner signer;
        private final String privateKey;

        private SigningKey(CheckpointSigner signer, String privateKey) {
            this.signer = signer;
            this.privateKey = privateKey;
        }

        /**
         * Recovers what {@link SigningKeys#encryptFor} encrypted for this key's public half.
         *
         * @throws IllegalArgumentException when it was encrypted for another key or altered
         */
        public byte[] decrypt(byte[] ciphertext) {
            return Sm2Encryption.decrypt(privateKey, ciphertext);
        }

        /** The DER-encoded SM3withSM2 signature of {@code message}. */
        public byte[] sign(byte[] message) {
            return signer.signMessage(message);
        }

        /** Base64 of the uncompressed public point: what partners configure to verify this key's signatures. */
        public String publicKey() {
            return signer.publicKey();
        }

        /** Short id of the key: the first 16 hex digits of SM3 of the public key. */
        public String keyId() {
            return HexFormat.of().formatHex(sm3(Base64.getDecoder().decode(publicKey()))).substring(0, 16);
        }

        @Override
        public String toString() {
            return "SigningKey[" + keyId() + "]";
        }
    }
}
