package cn.chengxin.account;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.domain.Totp;
import cn.chengxin.subject.PersonalDataProtection;
import org.springframework.stereotype.Service;

/**
 * The new authenticator secret of a staff member enrolling one, between the page that shows it (QR code) and the code
 * that proves the authenticator holds it. It waits in the HTTP session, which is kept in the database (V101): sealed
 * there with the platform's identity-protection keys (SM4-GCM, as the enrolled secret itself is stored), so that a
 * dump of the sessions gives no one the second factor (RULES.md §10: two-factor login). The seal is bound to the
 * account, so one account's sealed secret does not open as another's.
 */
@Service
public class EnrolmentSecrets {

    private static final String PURPOSE = "staff-totp-enrolment";

    private final PersonalDataProtection protection;
    private final SecureRandom random = new SecureRandom();

    EnrolmentSecrets(PersonalDataProtection protection) {
        this.protection = protection;
    }

    /** A new random secret for the account, sealed for its session. */
    public Sealed newSecret(UUID userId) {
        byte[] secret = Totp.newSecret(random);
        PersonalDataProtection.Sealed sealed = protection.seal(Base64.getEncoder().encodeToString(secret),
                PURPOSE + ":" + userId);
        return new Sealed(sealed.cipher(), sealed.keyVersion());
    }

    /**
     * The secret in clear, for the enrolment page and the check of the code; empty when it does not open (sealed for
     * another account, altered, or under a key no longer held): the enrolment then starts again with a new secret.
     */
    public Optional<byte[]> open(UUID userId, Sealed sealed) {
        try {
            return Optional.of(Base64.getDecoder().decode(protection.open(sealed.cipher(), sealed.keyVersion(),
                    PURPOSE + ":" + userId)));
        } catch (IllegalStateException | IllegalArgumentException unopenable) {
            return Optional.empty();
        }
    }

    /** The sealed secret as the session keeps it: ciphertext and the key version that sealed it, nothing in clear. */
    public record Sealed(byte[] cipher, int keyVersion) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        public Sealed {
            cipher = cipher.clone();
        }

        @Override
        public byte[] cipher() {
            return cipher.clone();
        }
    }
}
