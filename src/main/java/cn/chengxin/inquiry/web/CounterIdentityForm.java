package cn.chengxin.inquiry.web;

import java.util.ArrayList;
import java.util.List;

import cn.chengxin.account.WindowPhoneCodes;
import cn.chengxin.inquiry.CounterRequest;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.CounterPaper;
import cn.chengxin.inquiry.domain.GuardianshipProof;
import cn.chengxin.inquiry.domain.SeenDocument;
import cn.chengxin.shared.web.FileTransfers;

/**
 * The person and the identity check as the window's forms post them ({@code fragments/counter-identity}): the report,
 * the consent and the withdrawal alike (gaps review xxiii F11, xxix K1). The number typed (posted, never shown again)
 * with its document type; the name on the document, to register a person the register does not know (xxix K3; the
 * withdrawal form has none); the person's document seen; and when a guardian acts, the guardian's name, document,
 * number and proof of guardianship; for a person whose account has no phone, the phone the text goes to and the code
 * the person read out from the text sent to it (gaps review xxxi M2). A field left out is blank, as an empty one is, and an unticked guardian box false
 * (a {@code Boolean}: a form binds a missing value as null, which a {@code boolean} would refuse).
 */
record CounterIdentityForm(String number, String documentType, String personName, SeenDocument seenDocument,
                           Boolean byGuardian, String guardianName, SeenDocument guardianDocument,
                           String guardianNumber, GuardianshipProof proof, String phone, String phoneCode) {

    CounterIdentityForm {
        number = blankIfNull(number);
        documentType = blankIfNull(documentType);
        personName = blankIfNull(personName);
        byGuardian = Boolean.TRUE.equals(byGuardian);
        guardianName = blankIfNull(guardianName);
        guardianNumber = blankIfNull(guardianNumber);
        phone = blankIfNull(phone);
        phoneCode = blankIfNull(phoneCode);
    }

    /**
     * The check the clerk recorded, validated here for every form: refused {@code COUNTER_CHECK_INCOMPLETE} as
     * {@link CounterIdentityCheck#of} says (RULES.md §6, §9); the guardian's number is kept masked only.
     */
    CounterIdentityCheck check() {
        return CounterIdentityCheck.of(seenDocument, byGuardian, guardianName, guardianDocument, guardianNumber, proof);
    }

    /**
     * The request of a report or a consent with the papers scanned at the window (gaps review xxxi M2): the signed
     * authorisation, and for a guardian the proof of guardianship.
     */
    CounterRequest request(List<FileTransfers.Uploaded> authorisation, List<FileTransfers.Uploaded> guardianship,
                           WindowPhoneCodes.Pending phoneSent) {
        List<CounterPaper> papers = new ArrayList<>();
        authorisation.forEach(f -> papers.add(new CounterPaper(CounterPaper.Kind.AUTHORISATION,
                f.filename(), f.content())));
        guardianship.forEach(f -> papers.add(new CounterPaper(CounterPaper.Kind.GUARDIANSHIP,
                f.filename(), f.content())));
        return new CounterRequest(number, documentType, personName, check(), papers, phone, phoneSent, phoneCode);
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }
}
