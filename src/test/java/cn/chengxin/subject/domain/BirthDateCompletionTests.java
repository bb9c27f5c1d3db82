package cn.chengxin.subject.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BirthDateCompletionTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, names = {"RESIDENT_ID", "HMT_RESIDENCE_PERMIT",
            "FOREIGN_PERMANENT_RESIDENT_ID"})
    void refusesADocumentWhoseNumberCarriesTheBirthDate(DocumentType type) {
        assertThat(code(() -> BirthDateCompletion.requireUnknown(SubjectKind.PERSON, type, null)))
                .isEqualTo("BIRTH_DATE_IN_NUMBER");
    }

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, names = {"PASSPORT", "HK_MACAO_PERMIT", "TAIWAN_PERMIT"})
    void completesTheDateOfADocumentThatCarriesNone(DocumentType type) {
        assertThatNoException().isThrownBy(() -> BirthDateCompletion.requireUnknown(SubjectKind.PERSON, type, null));
        assertThat(code(() -> BirthDateCompletion.requireUnknown(SubjectKind.PERSON, type, TODAY.minusYears(40))))
                .as("a known date is never overwritten").isEqualTo("BIRTH_DATE_KNOWN");
    }

    @Test
    void anOrganisationHasNoBirthDate() {
        assertThat(code(() -> BirthDateCompletion.requireUnknown(SubjectKind.ORGANISATION,
                DocumentType.UNIFIED_SOCIAL_CREDIT_CODE, null))).isEqualTo("BIRTH_DATE_NOT_PERSON");
    }

    @Test
    void refusesADateAfterTodayOrBeforeTheRegistrysEarliest() {
        assertThat(code(() -> complete(TODAY.plusDays(1)))).isEqualTo("BIRTH_DATE_IN_FUTURE");
        assertThat(code(() -> complete(LocalDate.of(1889, 12, 31)))).isEqualTo("BIRTH_DATE_TOO_EARLY");
        assertThatNoException().isThrownBy(() -> complete(TODAY));
        assertThatNoException().isThrownBy(() -> complete(BirthDateCompletion.EARLIEST));
    }

    @Test
    void requiresTheDateTheEvidenceItsReferenceAndAReason() {
        SubjectProblem missing = catchThrowableOfType(SubjectProblem.class, () -> BirthDateCompletion.requireComplete(
                null, null, " ", "", TODAY));
        assertThat(missing.code()).isEqualTo("BIRTH_DATE_PROPOSAL_INCOMPLETE");
        assertThat(missing.getMessage()).contains("出生日期", "证明材料", "编号", "理由");
        assertThat(code(() -> BirthDateCompletion.requireComplete(TODAY.minusYears(30),
                BirthDateEvidence.POLICE_CERTIFICATE, "x".repeat(101), "理由", TODAY)))
                .isEqualTo("BIRTH_DATE_PROPOSAL_INCOMPLETE");
    }

    @Test
    void theProposerNeitherApprovesNorRejectsAndADecidedProposalStays() {
        BirthDateProposal pending = proposal(BirthDateProposal.Status.PENDING);
        assertThat(code(() -> BirthDateCompletion.REVIEW.requireReviewable(pending, "maker")))
                .isEqualTo("BIRTH_DATE_SELF_REVIEW");
        assertThatNoException().isThrownBy(() -> BirthDateCompletion.REVIEW.requireReviewable(pending, "checker"));
        assertThat(code(() -> BirthDateCompletion.REVIEW.requireReviewable(
                proposal(BirthDateProposal.Status.APPROVED), "checker")))
                .isEqualTo("BIRTH_DATE_ALREADY_DECIDED");
        assertThat(code(() -> BirthDateCompletion.REVIEW.requireRejectionReason(" ")))
                .isEqualTo("REVIEW_NOTE_REQUIRED");
    }

    @Test
    void findsWhereTheNumberCouldStandInAFreeText() {
        String masked = Masking.identityNumber("E12345678");
        assertThat(BirthDateCompletion.numberCandidates("护照ｅ１２３４５６７８第2页", masked)).containsExactly("E12345678");
        assertThat(BirthDateCompletion.numberCandidates("passport no.E12345678X", masked)).containsExactly("E12345678");
        assertThat(BirthDateCompletion.numberCandidates("E1 2345 678", masked)).as("spaces are normalised away")
                .containsExactly("E12345678");
        assertThat(BirthDateCompletion.numberCandidates("出入境记录 2026-0042", masked)).isEmpty();
        assertThat(BirthDateCompletion.numberCandidates(null, masked)).isEmpty();
    }

    private static void complete(LocalDate date) {
        BirthDateCompletion.requireComplete(date, BirthDateEvidence.PASSPORT_DATA_PAGE, "资料页复印件 1 号", "窗口收件",
                TODAY);
    }

    private static BirthDateProposal proposal(BirthDateProposal.Status status) {
        return new BirthDateProposal(UUID.randomUUID(), UUID.randomUUID(), TODAY.minusYears(40),
                BirthDateEvidence.PASSPORT_DATA_PAGE, "1 号", "理由", "maker", "maker", Instant.EPOCH, status, null, null,
                null, null);
    }

    private static String code(Runnable rule) {
        SubjectProblem problem = catchThrowableOfType(SubjectProblem.class, rule::run);
        assertThat(problem).as("refused").isNotNull();
        return problem.code();
    }
}
