package cn.chengxin.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * API keys of client systems (other departments' systems that submit or query credit data), in the form
 * {@code cx_<prefix>_<secret>}: an 8-character lower-case base32 prefix (40 random bits) that identifies the
 * key in lists, logs and the database, and a 32-character upper-case base32 secret (160 random bits).
 *
 * <p>The full key is shown once, at issue; only its SM3 hash (GB/T 32905-2016, the commercial-cryptography
 * hash that GB/T 39786-2021 expects for integrity of important data) is stored. A fast, unsalted hash is
 * right here, unlike for passwords: a key has 160 bits of entropy, so it cannot be guessed or looked up in a
 * dictionary however fast the hash, and a slow hash would only cost time on every API request. The
 * recognisable {@code cx_} form lets secret scanners find leaked keys.
 */
public final class ApiKeys {

    public static final String SCHEME = "cx";
    public static final int PREFIX_LENGTH = 8;
    public static final int SECRET_LENGTH = 32;
    /** {@code cx_} + prefix + {@code _} + secret. */
    public static final int KEY_LENGTH = SCHEME.length() + 1 + PREFIX_LENGTH + 1 + SECRET_LENGTH;

    private static final Pattern FORMAT = Pattern.compile(
            SCHEME + "_([a-z2-7]{" + PREFIX_LENGTH + "})_[A-Z2-7]{" + SECRET_LENGTH + "}");

    private ApiKeys() {
    }

    /**
     * A newly issued key.
     *
     * @param key    the full key, to show once and never store
     * @param prefix the lookup and display part
     * @param hash   the hex SM3 of the key, to store
     */
    public record Issued(String key, String prefix, String hash) {

        /** Leaves the key out, so that logging an {@code Issued} does not leak it. */
        @Override
        public String toString() {
            return "Issued[prefix=" + prefix + ", hash=" + hash + "]";
        }
    }

    /** Issues a new random key. */
    public static Issued issue(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        String prefix = Base32.encode(randomBytes(random, PREFIX_LENGTH * 5 / 8)).toLowerCase(Locale.ROOT);
        String secret = Base32.encode(randomBytes(random, SECRET_LENGTH * 5 / 8));
        String key = SCHEME + "_" + prefix + "_" + secret;
        return new Issued(key, prefix, hash(key));
    }

    /** The lower-case hex SM3 digest of the UTF-8 bytes of {@code key} (64 characters). */
    public static String hash(String key) {
        Objects.requireNonNull(key, "key");
        byte[] input = key.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * The prefix of a presented key if the key has exactly the issued form, else empty: a malformed key is
     * refused before any lookup.
     */
    public static Optional<String> prefixOf(String presented) {
        if (presented == null || presented.length() != KEY_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(presented);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether a presented key hashes to the stored hash, compared in constant time. */
    public static boolean matches(String presented, String storedHash) {
        return presented != null && storedHash != null && constantTimeEquals(hash(presented), storedHash);
    }

    /**
     * Compares two strings in time that depends only on their lengths, not on where they differ, so that
     * response times do not reveal how much of a secret was right.
     */
    public static boolean constantTimeEquals(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
