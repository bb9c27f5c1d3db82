package cn.chengxin.subject.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A validated, normalised identity document: its type and canonical number. Numbers from outside enter
 * through {@link #parse}; the constructor is for numbers read back from the registry, validated on entry.
 */
public record IdentityDocument(DocumentType type, String number) {

    /**
     * Validates {@code raw} as a document of {@code type}; with a {@code null} type the type is inferred
     * from the number's shape (see {@link #inferred}).
     */
    public static IdentityDocument parse(DocumentType type, String raw, LocalDate today) {
        if (type == null) {
            return inferred(raw, today);
        }
        return switch (type) {
            case RESIDENT_ID, HMT_RESIDENCE_PERMIT, FOREIGN_PERMANENT_RESIDENT_ID -> {
                ResidentIdentityNumber id = ResidentIdentityNumber.parse(raw, today);
                yield new IdentityDocument(id.type(), id.value());
            }
            case UNIFIED_SOCIAL_CREDIT_CODE ->
                    new IdentityDocument(type, UnifiedSocialCreditCode.parse(raw).value());
            case PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT ->
                    new IdentityDocument(type, OtherDocumentNumber.parse(type, raw));
        };
    }

    /**
     * A number whose first 17 characters are digits (or 15 digits) is read as a resident identity number,
     * unless that fails and it is a valid credit code (a few credit codes are all digits); other
     * 18-character numbers are credit codes. The rejection reported is the one of the likelier type.
     */
    private static IdentityDocument inferred(String raw, LocalDate today) {
        String number = Normalisation.canonical(raw);
        boolean digitPrefix = true;
        for (int i = 0; i < Math.min(17, number.length()) && digitPrefix; i++) {
            digitPrefix = number.charAt(i) >= '0' && number.charAt(i) <= '9';
        }
        if (!digitPrefix && number.length() == 18) {
            return parse(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE, raw, today);
        }
        try {
            return parse(DocumentType.RESIDENT_ID, raw, today);
        } catch (InvalidIdentityException asResident) {
            if (number.length() == 18) {
                try {
                    return parse(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE, raw, today);
                } catch (InvalidIdentityException asCreditCode) {
                    throw asResident;
                }
            }
            throw asResident;
        }
    }

    /**
     * What the registry's blind index (the subject's pseudonym) is computed over: the number where it names one
     * holder on its own, else the type and the number ({@link DocumentType#numberIdentifiesAlone}). Two persons must
     * never share a pseudonym: list entries, checks, accounts and the audit history a citizen sees are kept by it.
     */
    public String indexInput() {
        return type.numberIdentifiesAlone() ? number : type.name() + ":" + number;
    }

    /** The birth date the number carries (GB 11643 digits 7–14), if its type carries one. */
    public Optional<LocalDate> birthDate() {
        return type.carriesBirthDate()
                ? Optional.of(ResidentIdentityNumber.parse(number, LocalDate.MAX).birthDate())
                : Optional.empty();
    }

    public SubjectKind subjectKind() {
        return type.kind();
    }

    /** Organisation codes are public registration data; every personal number is masked. */
    public String masked() {
        return type == DocumentType.UNIFIED_SOCIAL_CREDIT_CODE ? number : Masking.identityNumber(number);
    }

    @Override
    public String toString() {
        return type + ":" + masked();
    }
}
