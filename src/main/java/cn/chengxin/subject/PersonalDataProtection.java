package cn.chengxin.subject;

import java.util.HexFormat;

import cn.chengxin.subject.protection.IdentityProtection;
import org.springframework.stereotype.Service;

/**
 * The identity-protection keys lent to other modules for their own personal data (a citizen's phone
 * number, a staff member's TOTP secret): SM4-GCM sealing bound to a purpose, and pseudonyms (HMAC-SM3)
 * separated by domain so that the pseudonym of a phone number can never equal that of an identity number.
 */
@Service
public class PersonalDataProtection {

    /** What a purpose is authenticated as: {@code purpose:<purpose>}. */
    static final String PURPOSE_PREFIX = "purpose:";

    private final IdentityProtection protection;

    PersonalDataProtection(IdentityProtection protection) {
        this.protection = protection;
    }

    /** Encrypts {@code value}; the purpose is authenticated, so the ciphertext opens only for that purpose. */
    public Sealed seal(String value, String purpose) {
        return new Sealed(protection.encrypt(value, PURPOSE_PREFIX + purpose), protection.currentKeyVersion());
    }

    /** @throws IllegalStateException when the ciphertext was altered or belongs to another purpose */
    public String open(byte[] cipher, int keyVersion, String purpose) {
        return protection.decrypt(cipher, keyVersion, PURPOSE_PREFIX + purpose);
    }

    /**
     * Encrypts a file (an objection's evidence, a repair material: PIPL Art. 51) as its bytes, bound to the purpose as
     * {@link #seal} binds a text; nothing is encoded, so the ciphertext is the file's size plus 28 bytes.
     */
    public Sealed sealFile(byte[] content, String purpose) {
        return new Sealed(protection.encryptBytes(content, PURPOSE_PREFIX + purpose), protection.currentKeyVersion());
    }

    /** @throws IllegalStateException when the ciphertext was altered or belongs to another purpose */
    public byte[] openFile(byte[] cipher, int keyVersion, String purpose) {
        return protection.decryptBytes(cipher, keyVersion, PURPOSE_PREFIX + purpose);
    }

    /**
     * A file as a table keeps it: sealed under {@code keyVersion}, or still in clear when that is {@code null} (stored
     * before its table was sealed, until the pass seals it, {@link SealedColumn#ofFiles}); the file's bytes either way.
     */
    public byte[] openStoredFile(StoredFile stored, String purpose) {
        return stored.keyVersion() == null ? stored.content()
                : openFile(stored.content(), stored.keyVersion(), purpose);
    }

    /** Hex HMAC-SM3 pseudonym of a normalised value within a domain (e.g. "phone"). */
    public String pseudonym(String domain, String value) {
        return HexFormat.of().formatHex(protection.blindIndex(domain + ":" + value));
    }

    public record Sealed(byte[] cipher, int keyVersion) {
    }

    /** A file's column as stored: sealed under {@code keyVersion}, or in clear when it is {@code null}. */
    public record StoredFile(byte[] content, Integer keyVersion) {
    }
}
