package cn.chengxin.inquiry.web;

import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.GuardianshipProof;
import cn.chengxin.inquiry.domain.SeenDocument;

/**
 * The person and the identity check as the window's forms post them ({@code fragments/counter-identity}): the report,
 * the consent and the withdrawal alike (gaps review xxiii F11, xxix K1). The number typed (posted, never shown again)
 * with its document type; the name on the document, to register a person the register does not know (xxix K3; the
 * withdrawal form has none); the person's document seen; and when a guardian acts, the guardian's name, document,
 * number and proof of guardianship. A field left out is blank, as an empty one is, and an unticked guardian box false
 * (a {@code Boolean}: a form binds a missing value as null, which a {@code boolean} would refuse).
 */
record CounterIdentityForm(String number, String documentType, String personName, SeenDocument seenDocument,
                           Boolean byGuardian, String guardianName, SeenDocument guardianDocument,
                           String guardianNumber, GuardianshipProof proof) {

    CounterIdentityForm {
        number = blankIfNull(number);
        documentType = blankIfNull(documentType);
        personName = blankIfNull(personName);
        byGuardian = Boolean.TRUE.equals(byGuardian);
        guardianName = blankIfNull(guardianName);
        guardianNumber = blankIfNull(guardianNumber);
    }

    /**
     * The check the clerk recorded, validated here for every form: refused {@code COUNTER_CHECK_INCOMPLETE} as
     * {@link CounterIdentityCheck#of} says (RULES.md §6, §9); the guardian's number is kept masked only.
     */
    CounterIdentityCheck check() {
        return CounterIdentityCheck.of(seenDocument, byGuardian, guardianName, guardianDocument, guardianNumber, proof);
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }
}
