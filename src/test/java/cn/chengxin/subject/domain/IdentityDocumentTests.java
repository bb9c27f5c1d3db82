package cn.chengxin.subject.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdentityDocumentTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String RESIDENT = "11010519491231002X";
    private static final String CREDIT_CODE = "91350100M000100Y43";

    // ---- what the pseudonym is computed over ---------------------------------------------------------------

    @Test
    void nationalNumbersAreIndexedAloneSoExistingPseudonymsStay() {
        assertThat(IdentityDocument.parse(null, RESIDENT, TODAY).indexInput()).isEqualTo(RESIDENT);
        assertThat(IdentityDocument.parse(null, CREDIT_CODE, TODAY).indexInput()).isEqualTo(CREDIT_CODE);
    }

    @ParameterizedTest
    @CsvSource({"PASSPORT, 12345678, PASSPORT:12345678", "TAIWAN_PERMIT, 12345678, TAIWAN_PERMIT:12345678",
            "HK_MACAO_PERMIT, H12345678, HK_MACAO_PERMIT:H12345678"})
    void passportAndPermitNumbersAreIndexedWithTheirType(DocumentType type, String number, String input) {
        assertThat(IdentityDocument.parse(type, number, TODAY).indexInput()).isEqualTo(input);
    }

    // ---- type inference ---------------------------------------------------------------------------------

    @Test
    void infersAResidentIdFromSeventeenDigitsAndACheckCharacter() {
        IdentityDocument document = IdentityDocument.parse(null, RESIDENT, TODAY);

        assertThat(document.type()).isEqualTo(DocumentType.RESIDENT_ID);
        assertThat(document.number()).isEqualTo(RESIDENT);
        assertThat(document.subjectKind()).isEqualTo(SubjectKind.PERSON);
    }

    @Test
    void infersAResidentIdFromALegacyFifteenDigitNumberAndUpgradesIt() {
        IdentityDocument document = IdentityDocument.parse(null, "110105491231002", TODAY);

        assertThat(document.type()).isEqualTo(DocumentType.RESIDENT_ID);
        assertThat(document.number()).isEqualTo(RESIDENT);
    }

    @Test
    void infersAResidentIdFromTypedVariants() {
        IdentityDocument document = IdentityDocument.parse(null, " １１０１０５１９４９１２３１００２ｘ ", TODAY);

        assertThat(document).isEqualTo(new IdentityDocument(DocumentType.RESIDENT_ID, RESIDENT));
    }

    @Test
    void infersAUnifiedSocialCreditCodeFromOtherEighteenCharacters() {
        IdentityDocument document = IdentityDocument.parse(null, CREDIT_CODE, TODAY);

        assertThat(document.type()).isEqualTo(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE);
        assertThat(document.number()).isEqualTo(CREDIT_CODE);
        assertThat(document.subjectKind()).isEqualTo(SubjectKind.ORGANISATION);
    }

    @Test
    void infersAUnifiedSocialCreditCodeTypedInLowerCase() {
        IdentityDocument document = IdentityDocument.parse(null, "91350100m000100y43", TODAY);

        assertThat(document).isEqualTo(new IdentityDocument(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE, CREDIT_CODE));
    }

    @Test
    void infersACreditCodeThatHappensToBeAllDigits() {
        String code = allDigitCreditCode();
        assertThat(catchThrowableOfType(() -> ResidentIdentityNumber.parse(code, TODAY),
                InvalidIdentityException.class)).as("precondition: %s is no resident number", code).isNotNull();

        IdentityDocument document = IdentityDocument.parse(null, code, TODAY);

        assertThat(document.type()).isEqualTo(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE);
        assertThat(document.number()).isEqualTo(code);
        assertThat(document.masked()).isEqualTo(code);
    }

    @Test
    void reportsAnEighteenDigitNumberThatIsNeitherAsAResidentIdError() {
        String code = allDigitCreditCode();
        String neither = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');

        InvalidIdentityException e = catchThrowableOfType(() -> IdentityDocument.parse(null, neither, TODAY),
                InvalidIdentityException.class);

        assertThat(e).isNotNull();
        assertThat(e.code()).startsWith("ID_");
    }

    @Test
    void takesThePermitTypesFromTheNumber() {
        String permit = ResidentIdentityNumberTests.withCheck("810000" + "19900101" + "123");
        String foreign = ResidentIdentityNumberTests.withCheck("911840" + "19800101" + "002");

        assertThat(IdentityDocument.parse(null, permit, TODAY).type()).isEqualTo(DocumentType.HMT_RESIDENCE_PERMIT);
        assertThat(IdentityDocument.parse(null, foreign, TODAY).type())
                .isEqualTo(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID);
        assertThat(IdentityDocument.parse(DocumentType.RESIDENT_ID, permit, TODAY).subjectKind())
                .isEqualTo(SubjectKind.PERSON);
    }

    @Test
    void reportsAnInvalidResidentIdWithAResidentIdCode() {
        InvalidIdentityException e = catchThrowableOfType(
                () -> IdentityDocument.parse(null, RESIDENT.substring(0, 17) + "1", TODAY),
                InvalidIdentityException.class);

        assertThat(e.rejection()).isEqualTo(IdentityRejection.ID_CHECKSUM);
    }

    @Test
    void reportsAnInvalidCreditCodeWithACreditCodeCode() {
        InvalidIdentityException e = catchThrowableOfType(
                () -> IdentityDocument.parse(null, CREDIT_CODE.substring(0, 17) + "0", TODAY),
                InvalidIdentityException.class);

        assertThat(e.rejection()).isEqualTo(IdentityRejection.USCC_CHECKSUM);
    }

    @Test
    void anExplicitTypeIsNotOverriddenByTheNumbersShape() {
        InvalidIdentityException asResident = catchThrowableOfType(
                () -> IdentityDocument.parse(DocumentType.RESIDENT_ID, CREDIT_CODE, TODAY),
                InvalidIdentityException.class);
        InvalidIdentityException asCreditCode = catchThrowableOfType(
                () -> IdentityDocument.parse(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE, RESIDENT, TODAY),
                InvalidIdentityException.class);

        assertThat(asResident.rejection()).isEqualTo(IdentityRejection.ID_FORMAT);
        assertThat(asCreditCode.code()).startsWith("USCC_");
    }

    // ---- masking and printing ---------------------------------------------------------------------------

    @Test
    void masksAPersonalNumberKeepingTheFirstAndLastFour() {
        IdentityDocument document = IdentityDocument.parse(null, RESIDENT, TODAY);

        assertThat(document.masked()).isEqualTo("1101" + "*".repeat(10) + "002X");
    }

    @Test
    void masksPermitNumbersLikeResidentIds() {
        String permit = ResidentIdentityNumberTests.withCheck("820000" + "19900101" + "124");

        String masked = IdentityDocument.parse(null, permit, TODAY).masked();

        assertThat(masked).isEqualTo(permit.substring(0, 4) + "*".repeat(10) + permit.substring(14));
    }

    @Test
    void showsACreditCodeWhole() {
        assertThat(IdentityDocument.parse(null, CREDIT_CODE, TODAY).masked()).isEqualTo(CREDIT_CODE);
    }

    @ParameterizedTest
    @CsvSource({
            "RESIDENT_ID, 11010519491231002X",
            "RESIDENT_ID, 110105491231002",
            "PASSPORT, E12345678",
            "HK_MACAO_PERMIT, H12345678",
            "TAIWAN_PERMIT, 12345678"})
    void toStringNeverContainsTheClearPersonalNumber(DocumentType type, String raw) {
        IdentityDocument document = IdentityDocument.parse(type, raw, TODAY);

        assertThat(document.toString())
                .doesNotContain(document.number())
                .contains(document.masked())
                .contains(document.type().name());
        assertThat(document.masked()).isNotEqualTo(document.number()).contains("*");
    }

    @Test
    void toStringOfAResidentIdHidesTheBirthDate() {
        assertThat(IdentityDocument.parse(null, RESIDENT, TODAY).toString()).doesNotContain("19491231");
    }

    // ---- other documents --------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "PASSPORT, E12345678, E12345678",
            "PASSPORT, e12345678, E12345678",
            "PASSPORT, G1234567, G1234567",
            "PASSPORT, 12345, 12345",
            "PASSPORT, A1B2C3D4E5F6G7H8J, A1B2C3D4E5F6G7H8J",
            "PASSPORT, ' Ｅ１２３４５６７８ ', E12345678",
            "HK_MACAO_PERMIT, H12345678, H12345678",
            "HK_MACAO_PERMIT, M12345678, M12345678",
            "HK_MACAO_PERMIT, H1234567890, H1234567890",
            "HK_MACAO_PERMIT, h12345678, H12345678",
            "TAIWAN_PERMIT, 12345678, 12345678",
            "TAIWAN_PERMIT, 1234567890, 1234567890",
            "TAIWAN_PERMIT, '1234 5678', 12345678"})
    void acceptsOtherDocumentsInTheirFormats(DocumentType type, String raw, String expected) {
        IdentityDocument document = IdentityDocument.parse(type, raw, TODAY);

        assertThat(document.type()).isEqualTo(type);
        assertThat(document.number()).isEqualTo(expected);
        assertThat(document.subjectKind()).isEqualTo(SubjectKind.PERSON);
    }

    @ParameterizedTest
    @CsvSource({
            "PASSPORT, E123",
            "PASSPORT, E1234567890123456789",
            "PASSPORT, E1234-5678",
            "PASSPORT, 护照12345",
            "PASSPORT, ''",
            "HK_MACAO_PERMIT, H1234567",
            "HK_MACAO_PERMIT, H123456789",
            "HK_MACAO_PERMIT, H12345678901",
            "HK_MACAO_PERMIT, A12345678",
            "HK_MACAO_PERMIT, 12345678",
            "HK_MACAO_PERMIT, HM2345678",
            "TAIWAN_PERMIT, 1234567",
            "TAIWAN_PERMIT, 123456789",
            "TAIWAN_PERMIT, 12345678901",
            "TAIWAN_PERMIT, T1234567",
            "TAIWAN_PERMIT, H12345678"})
    void rejectsOtherDocumentsOutsideTheirFormats(DocumentType type, String raw) {
        InvalidIdentityException e = catchThrowableOfType(() -> IdentityDocument.parse(type, raw, TODAY),
                InvalidIdentityException.class);

        assertThat(e).as("%s %s should be rejected", type, raw).isNotNull();
        assertThat(e.rejection()).isEqualTo(IdentityRejection.DOCUMENT_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSPORT", "HK_MACAO_PERMIT", "TAIWAN_PERMIT"})
    void rejectsAMissingOtherDocumentNumber(DocumentType type) {
        InvalidIdentityException e = catchThrowableOfType(() -> IdentityDocument.parse(type, null, TODAY),
                InvalidIdentityException.class);

        assertThat(e.rejection()).isEqualTo(IdentityRejection.DOCUMENT_FORMAT);
    }
    /** A valid credit code of digits only (GB 11714 and GB 32100 checks both digits), computed from the rules. */
    private static String allDigitCreditCode() {
        for (int n = 10_000_000; n < 10_100_000; n++) {
            String body = Integer.toString(n);
            char inner = UnifiedSocialCreditCodeTests.organisationCheck(body);
            if (inner == 'X') {
                continue;
            }
            String code = UnifiedSocialCreditCodeTests.withCheck("91411702" + body + inner);
            if (Character.isDigit(code.charAt(17))) {
                return code;
            }
        }
        throw new AssertionError("no all-digit credit code found");
    }
}
