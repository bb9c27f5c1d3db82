package cn.chengxin.exchange.wire;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.ExchangeFormats;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch as it travels (docs/exchange-format.md, "Encryption"): a JSON envelope {@value #FORMAT} whose
 * {@code ciphertext} is the batch (a version of {@link ExchangeFormats}) encrypted with SM4-GCM under a key drawn for this
 * batch alone, and whose {@code wrappedKey} is that key encrypted with SM2 for the receiving platform's public key —
 * the one its partners already hold to verify its signatures. Batches carry identity numbers and names (RULES.md §10,
 * GB/T 39786-2021: confidentiality of important data in transmission), and a broker keeps every record for its
 * retention: only the receiver reads them, whoever else relays or stores the bytes. The sender, receiver and the
 * receiver's key id are the GCM associated data, so a ciphertext re-addressed or re-signed by another platform does
 * not open.
 */
public final class SealedBody {

    public static final String FORMAT = "chengxin-sealed/1";

    /** An envelope is at most the largest batch in Base64 with room for its few other fields. */
    static final int MAX_BYTES = BatchCodec.MAX_BYTES / 3 * 4 + 4096;

    private static final int KEY_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The envelope's members.
     *
     * @param key the receiver's key id (first 16 hex digits of SM3 of its public key): tells a receiver whose key
     *            changed that the sender still encrypts for the old one
     */
    record Envelope(String format, String from, String to, String key, String wrappedKey, String iv,
                    String ciphertext) {
    }

    /** Why an envelope does not open: a stable problem code and a reason without content. */
    public static final class Unreadable extends RuntimeException {

        private final String code;

        Unreadable(String code, String reason) {
            super(reason);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private SealedBody() {
    }

    /** Encrypts the batch's bytes for the receiver {@code to}, whose SM2 public key is {@code recipientPublicKey}. */
    public static byte[] seal(byte[] batch, String from, String to, String recipientPublicKey) {
        byte[] key = new byte[KEY_BYTES];
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(iv);
        try {
            return sealWith(batch, from, to, keyIdOf(recipientPublicKey), key, iv,
                    SigningKeys.encryptFor(recipientPublicKey, key));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The envelope of the batch under the given batch key, nonce and wrapped key: deterministic, so the test vectors
     * (docs/exchange-vectors/) are rebuilt byte for byte from their parts.
     */
    static byte[] sealWith(byte[] batch, String from, String to, String keyId, byte[] key, byte[] iv,
                           byte[] wrappedKey) {
        byte[] ciphertext;
        try {
            ciphertext = sm4Gcm(true, key, iv, associatedData(from, to, keyId), batch);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        return JSON.writeValueAsBytes(new Envelope(FORMAT, from, to, keyId, base64.encodeToString(wrappedKey),
                base64.encodeToString(iv), base64.encodeToString(ciphertext)));
    }

    /**
     * The batch's bytes, when the envelope was sealed from {@code from} for this platform ({@code to}, {@code own}).
     * Call only once the signature over the envelope verified: nothing is decrypted for an unknown or forging sender.
     *
     * @throws Unreadable EXCHANGE_BATCH_UNENCRYPTED for a batch sent in clear, EXCHANGE_FORMAT_UNSUPPORTED for another
     *                    format, EXCHANGE_BATCH_MALFORMED, EXCHANGE_BATCH_MISADDRESSED, or EXCHANGE_BATCH_UNDECRYPTABLE
     *                    when it was encrypted for another key or altered
     */
    public static byte[] open(byte[] body, String from, String to, SigningKeys.SigningKey own) {
        Envelope envelope = envelope(body);
        if (!from.equals(envelope.from()) || !to.equals(envelope.to())) {
            throw new Unreadable("EXCHANGE_BATCH_MISADDRESSED", "envelope: from is not the signer or to is not "
                    + "this platform");
        }
        String ownKeyId = keyIdOf(own.publicKey());
        if (!ownKeyId.equals(envelope.key())) {
            throw new Unreadable("EXCHANGE_BATCH_UNDECRYPTABLE", "encrypted for key " + envelope.key()
                    + ", this platform's key is " + ownKeyId + " (GET /api/v1/exchange/platform)");
        }
        byte[] key = null;
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] wrapped = base64.decode(envelope.wrappedKey());
            byte[] iv = base64.decode(envelope.iv());
            byte[] ciphertext = base64.decode(envelope.ciphertext());
            key = own.decrypt(wrapped);
            if (key.length != KEY_BYTES || iv.length != IV_BYTES) {
                throw new Unreadable("EXCHANGE_BATCH_UNDECRYPTABLE", "wrappedKey or iv: wrong length");
            }
            return sm4Gcm(false, key, iv, associatedData(envelope.from(), envelope.to(), envelope.key()), ciphertext);
        } catch (IllegalArgumentException | InvalidCipherTextException e) {
            throw new Unreadable("EXCHANGE_BATCH_UNDECRYPTABLE", "the batch does not decrypt with this platform's "
                    + "key (altered, or encrypted for another key)");
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static Envelope envelope(byte[] body) {
        if (body == null || body.length > MAX_BYTES) {
            throw new Unreadable("EXCHANGE_BATCH_MALFORMED", "the body is empty or larger than " + MAX_BYTES
                    + " bytes");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Unreadable("EXCHANGE_BATCH_MALFORMED", "envelope: malformed JSON");
        }
        JsonNode format = tree == null ? null : tree.get("format");
        String named = format == null || !format.isString() ? null : format.asString();
        if (ExchangeFormats.accepted(named)) {
            throw new Unreadable("EXCHANGE_BATCH_UNENCRYPTED", "a " + named + " batch in clear: "
                    + "batches travel encrypted for the receiver, as " + FORMAT);
        }
        if (!FORMAT.equals(named)) {
            throw new Unreadable("EXCHANGE_FORMAT_UNSUPPORTED", "format: " + FORMAT + " expected");
        }
        Envelope envelope;
        try {
            envelope = JSON.treeToValue(tree, Envelope.class);
        } catch (JacksonException e) {
            throw new Unreadable("EXCHANGE_BATCH_MALFORMED", "envelope: unknown field or unexpected type");
        }
        if (envelope.from() == null || envelope.to() == null || envelope.key() == null
                || envelope.wrappedKey() == null || envelope.iv() == null || envelope.ciphertext() == null) {
            throw new Unreadable("EXCHANGE_BATCH_MALFORMED", "envelope: from, to, key, wrappedKey, iv and "
                    + "ciphertext are required");
        }
        return envelope;
    }

    /** The first 16 hex digits of SM3 of the public key's point, as {@code SigningKey#keyId}. */
    static String keyIdOf(String publicKey) {
        return HexFormat.of().formatHex(SigningKeys.sm3(Base64.getDecoder().decode(publicKey.strip())))
                .substring(0, 16);
    }

    private static byte[] associatedData(String from, String to, String keyId) {
        return (FORMAT + "\n" + from + "\n" + to + "\n" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sm4Gcm(boolean encrypt, byte[] key, byte[] iv, byte[] associatedData, byte[] input)
            throws InvalidCipherTextException {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, iv, associatedData));
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int length = gcm.processBytes(input, 0, input.length, out, 0);
        length += gcm.doFinal(out, length);
        return length == out.length ? out : Arrays.copyOf(out, length);
    }
}
