package cn.chengxin.inquiry.domain;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The authorisation code (授权码) a citizen can hand to an institution instead of the institution finding the
 * consent itself: {@code SQ.<consent id>.<mac>} (base64url parts), where the mac is an HMAC-SM3 (GB/T 32905) over the consent id with
 * the platform's key, cut to 96 bits. The code only names the consent; whether it still allows a query (withdrawn,
 * expired, used, which institution and purpose) is decided by {@link ConsentRule} at the time of the query, so a
 * withdrawn consent's code is worthless at once. A code not made by the platform is refused with
 * {@code CONSENT_CODE_INVALID}.
 */
public final class AuthorisationCode {

    private static final String PREFIX = "SQ.";
    private static final int MAC_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    public AuthorisationCode(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the authorisation key must have at least 256 bits");
        }
        this.key = key.clone();
    }

    public String issue(UUID consentId) {
        byte[] id = bytes(consentId);
        return PREFIX + ENCODER.encodeToString(id) + "." + ENCODER.encodeToString(mac(id));
    }

    /** The consent a code names, if the code is the platform's; empty for anything else. */
    public Optional<UUID> consentOf(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String text = code.strip();
        if (!text.startsWith(PREFIX) || text.length() > 64) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] id = DECODER.decode(parts[0]);
            byte[] presented = DECODER.decode(parts[1]);
            if (id.length != 16 || !MessageDigest.isEqual(mac(id), presented)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(id);
            return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] id) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        hmac.update(id, 0, id.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return Arrays.copyOf(out, MAC_BYTES);
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }
}
