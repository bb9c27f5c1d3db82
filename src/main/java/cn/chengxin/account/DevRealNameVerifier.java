package cn.chengxin.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.SubjectNames;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Development and test stand-in for a real-name provider ({@code chengxin.realname.verifier=dev}, set by the dev and
 * test profiles), labelled synthetic everywhere it shows: every registered person has one synthetic phone number,
 * derived from their pseudonym ({@link #syntheticPhoneOf}), and registration passes only with that number and the
 * name the registry holds, however written ({@link SubjectNames}); any name where the registry's is only provisional
 * (a relayed subject's) or where the register knows no such number (gaps review xxix K3), as a real provider knows the
 * name on the card. It never accepts a phone merely typed, so the
 * dev site behaves as production does: a stranger's phone is refused. The number is in the 154 block, which no
 * operator has been given for public mobile service, so no text can reach a real person. The page {@code /dev/sms} tells a demo user a resident's number.
 */
@Component
@ConditionalOnProperty(name = "chengxin.realname.verifier", havingValue = "dev")
public class DevRealNameVerifier implements RealNameVerifier {

    /** Not a secret: the pseudonym it is applied to is keyed already; this only spreads it over the numbers. */
    private static final byte[] KEY = "chengxin dev real-name verifier (synthetic phones)"
            .getBytes(StandardCharsets.UTF_8);
    static final String SYNTHETIC_BLOCK = "154";

    private final SubjectRegistry subjects;

    DevRealNameVerifier(SubjectRegistry subjects) {
        this.subjects = subjects;
    }

    @Override
    public Verdict verify(String name, IdentityDocument document, String phone) {
        Optional<SubjectProfile> person = subjects.find(document).flatMap(subjects::profile);
        // A number the register does not know (a person with no records here, gaps review xxix K3) has its synthetic
        // phone too, and any non-blank name, as a real provider knows the name on the card.
        boolean nameMatches = person.isEmpty() ? !name.isBlank()
                : person.get().nameProvisional() || SubjectNames.same(person.get().name(), name);
        boolean match = nameMatches && syntheticPhoneOf(subjects.pseudonymOf(document)).equals(phone);
        return match ? Verdict.MATCH : Verdict.MISMATCH;
    }

    /** The synthetic phone of a registered person, for the development page; empty for an unknown number. */
    public Optional<Synthetic> syntheticPhoneOf(IdentityDocument document) {
        return subjects.find(document).flatMap(subjects::profile)
                .map(p -> new Synthetic(p.maskedName(), syntheticPhoneOf(subjects.pseudonymOf(document))));
    }

    /** A person's synthetic phone: {@code 154} and eight digits of an HMAC of the subject's pseudonym. */
    public static String syntheticPhoneOf(String subjectPseudonym) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(subjectPseudonym.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | (digest[i] & 0xff);
            }
            return SYNTHETIC_BLOCK + String.format("%08d", Math.floorMod(value, 100_000_000L));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the development page shows: the masked name, to confirm the person, and their synthetic phone. */
    public record Synthetic(String maskedName, String phone) {
    }
}
