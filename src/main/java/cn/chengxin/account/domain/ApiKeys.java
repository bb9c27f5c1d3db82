package cn.chengxin.account.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * API keys: {@code cx_<8-character prefix>_<32-character secret>} in lower-case base32 (160 bits of
 * secret). The prefix names the key in lists and logs; only the SM3 hash of the whole key is stored. A fast
 * hash is right here, unlike for passwords: the key is random and long, so there is nothing to guess.
 */
public final class ApiKeys {

    private static final Pattern FORMAT = Pattern.compile("cx_([a-z2-7]{8})_([a-z2-7]{32})");

    private ApiKeys() {
    }

    public record Issued(String key, String prefix, String hash) {
        @Override
        public String toString() {
            return "Issued[" + prefix + "]";
        }
    }

    public static Issued issue(SecureRandom random) {
        byte[] prefix = new byte[5];
        byte[] secret = new byte[20];
        random.nextBytes(prefix);
        random.nextBytes(secret);
        String p = Base32.encode(prefix).toLowerCase(Locale.ROOT);
        String key = "cx_" + p + "_" + Base32.encode(secret).toLowerCase(Locale.ROOT);
        return new Issued(key, p, hash(key));
    }

    public static Optional<String> prefixOf(String presented) {
        var m = FORMAT.matcher(presented == null ? "" : presented);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static String hash(String key) {
        SM3Digest digest = new SM3Digest();
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
