package cn.chengxin.subject.protection;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

import cn.chengxin.subject.domain.IdentityDocument;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Protects identity numbers at rest with national commercial cryptography (GB/T 39786-2021, RULES.md §10):
 * SM4-GCM encryption (12-byte random IV, 128-bit tag; the document type is authenticated as associated
 * data so a ciphertext cannot be moved to another type) and an HMAC-SM3 blind index, under its own key, for
 * exact look-up without decrypting. Stored ciphertext is {@code iv || ciphertext || tag}; the key version is
 * stored beside it so keys can rotate: {@link #reseal} opens a value of an older version and seals it under the
 * current one, so that once nothing is sealed under a version its key can be destroyed (GB/T 39786-2021 key life
 * cycle; the re-sealing pass, {@code ReSealing}).
 *
 * <p>Thread-safe: Bouncy Castle ciphers are created per call (cheap compared with a database round trip); the blind
 * index's HMAC, on every check's path, is keyed once per thread and reset to that keyed state for each number.
 */
public final class IdentityProtection {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<Integer, byte[]> encryptionKeys;
    private final int currentVersion;
    private final byte[] indexKey;
    private final ThreadLocal<HMac> indexMacs;
    private final SecureRandom random = new SecureRandom();

    public IdentityProtection(Map<Integer, byte[]> encryptionKeys, int currentVersion, byte[] indexKey) {
        if (!encryptionKeys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("no encryption key of version " + currentVersion);
        }
        encryptionKeys.values().forEach(k -> requireLength(k, 16, "SM4 key"));
        requireLength(indexKey, 32, "blind index key");
        // Copy the arrays too: the caller must not be able to change a key after handing it over.
        Map<Integer, byte[]> copies = new java.util.HashMap<>();
        encryptionKeys.forEach((version, key) -> copies.put(version, key.clone()));
        this.encryptionKeys = Map.copyOf(copies);
        this.currentVersion = currentVersion;
        this.indexKey = indexKey.clone();
        this.indexMacs = ThreadLocal.withInitial(() -> {
            HMac mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(this.indexKey));
            return mac;
        });
    }

    /** Everything the registry stores about a number; the clear number itself is not part of it. */
    public SealedNumber seal(IdentityDocument document) {
        return new SealedNumber(document.type(), indexOf(document),
                encrypt(document.number(), document.type().name()), currentVersion, document.masked());
    }

    /** The blind index of a document: the only way to find a subject by number; qualified by type where needed. */
    public byte[] indexOf(IdentityDocument document) {
        return blindIndex(document.indexInput());
    }

    public int currentKeyVersion() {
        return currentVersion;
    }

    /** HMAC-SM3 of the text: equal texts give equal indexes, nothing else can be learned. */
    public byte[] blindIndex(String text) {
        HMac mac = indexMacs.get();
        mac.reset(); // back to the keyed state (a copy, no SM3 block), whatever an earlier call left
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    public byte[] encrypt(String normalisedNumber, String associatedData) {
        return encryptBytes(normalisedNumber.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    /** Any bytes sealed under the current version: a file (an objection's evidence, a repair material) as well. */
    public byte[] encryptBytes(byte[] plain, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        GCMModeCipher gcm = cipher(true, encryptionKeys.get(currentVersion), iv, associatedData);
        byte[] out = new byte[IV_BYTES + gcm.getOutputSize(plain.length)];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        int len = gcm.processBytes(plain, 0, plain.length, out, IV_BYTES);
        try {
            gcm.doFinal(out, IV_BYTES + len);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
        return out;
    }

    /**
     * @throws IllegalStateException when the ciphertext was altered, or was written under another key or type
     */
    public String decrypt(byte[] stored, int keyVersion, String associatedData) {
        return new String(decryptBytes(stored, keyVersion, associatedData), StandardCharsets.UTF_8);
    }

    /**
     * The bytes sealed by {@link #encryptBytes} (or a text's UTF-8 by {@link #encrypt}).
     *
     * @throws IllegalStateException when the ciphertext was altered, or was written under another key or type
     */
    public byte[] decryptBytes(byte[] stored, int keyVersion, String associatedData) {
        byte[] key = encryptionKeys.get(keyVersion);
        if (key == null) {
            throw new IllegalStateException("no encryption key of version " + keyVersion);
        }
        if (stored == null || stored.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("identity ciphertext too short to be genuine");
        }
        byte[] iv = Arrays.copyOfRange(stored, 0, IV_BYTES);
        GCMModeCipher gcm = cipher(false, key, iv, associatedData);
        byte[] out = new byte[gcm.getOutputSize(stored.length - IV_BYTES)];
        int len = gcm.processBytes(stored, IV_BYTES, stored.length - IV_BYTES, out, 0);
        try {
            len += gcm.doFinal(out, len);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("identity ciphertext failed authentication", e);
        }
        return len == out.length ? out : Arrays.copyOf(out, len);
    }

    /**
     * The value sealed again under the current version, with the same associated data; a fresh IV each time. The
     * bytes are passed as they are, never through a text: a sealed file need not be UTF-8.
     *
     * @throws IllegalStateException as {@link #decrypt}: the old version's key is still needed to open it
     */
    public byte[] reseal(byte[] stored, int keyVersion, String associatedData) {
        return encryptBytes(decryptBytes(stored, keyVersion, associatedData), associatedData);
    }

    private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] iv, String associatedData) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, iv,
                associatedData.getBytes(StandardCharsets.UTF_8)));
        return gcm;
    }

    private static void requireLength(byte[] key, int length, String what) {
        if (key == null || key.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes");
        }
    }
}
