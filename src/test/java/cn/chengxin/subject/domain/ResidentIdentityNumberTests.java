package cn.chengxin.subject.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * GB 11643-1999 citizen identity numbers as RULES.md §1 states them. Every expectation is derived from the
 * rules in this class (weights, check characters, province list), never from the class under test.
 */
class ResidentIdentityNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    /** The worked example of RULES.md §1 (Σ = 167, r = 2 → X). */
    private static final String EXAMPLE = "11010519491231002X";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_FOR_REMAINDER = "10X98765432";
    /** Province codes listed in RULES.md §1: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71. */
    private static final Set<String> PROVINCES = provinces();
    private static final Set<String> RESIDENCE_PERMIT_PREFIXES = Set.of("81", "82", "83");
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // ---- acceptance and normalisation -------------------------------------------------------------------

    @Test
    void computesTheRuleExampleIndependently() {
        // Guards the test's own helper against the worked example of the rules.
        assertThat(weightedSum("11010519491231002")).isEqualTo(167);
        assertThat(withCheck("11010519491231002")).isEqualTo(EXAMPLE);
    }

    @Test
    void acceptsTheExampleFromTheRules() {
        ResidentIdentityNumber id = ResidentIdentityNumber.parse(EXAMPLE, TODAY);

        assertThat(id.value()).isEqualTo(EXAMPLE);
        assertThat(id.type()).isEqualTo(DocumentType.RESIDENT_ID);
    }

    @Test
    void upgradesTheLegacyFifteenDigitExample() {
        assertThat(ResidentIdentityNumber.parse("110105491231002", TODAY).value()).isEqualTo(EXAMPLE);
    }

    @Test
    void upgradesLegacyNumbersByInsertingTheCenturyAndAppendingTheCheckCharacter() {
        String legacy = "411702850315123";
        String expected = withCheck("411702" + "19" + "850315123");

        ResidentIdentityNumber id = ResidentIdentityNumber.parse(legacy, TODAY);

        assertThat(id.value()).isEqualTo(expected);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "11010519491231002x",
            "１１０１０５１９４９１２３１００２ｘ",
            "１１０１０５１９４９１２３１００２Ｘ",
            "  11010519491231002X  ",
            "\t11010519491231002x\n",
            "110105 19491231 002X",
            "1101 0519 4912 3100 2x",
            "\u300011010519491231002X\u3000",
            "１１０１０５\u3000１９４９１２３１\u3000００２ｘ",
            " 110105491231002 "})
    void normalisesCaseWidthAndSpacesToTheCanonicalNumber(String typed) {
        assertThat(ResidentIdentityNumber.parse(typed, TODAY).value()).isEqualTo(EXAMPLE);
    }

    @Test
    void extractsBirthDateGenderAndRegionCode() {
        ResidentIdentityNumber id = ResidentIdentityNumber.parse(EXAMPLE, TODAY);

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.regionCode()).isEqualTo("110105");
        // sequence 002: even → female
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void oddSequenceDigitIsMaleAndEvenIsFemale() {
        for (int digit = 0; digit <= 9; digit++) {
            String number = withCheck("41170219850315" + "12" + digit);

            Gender gender = ResidentIdentityNumber.parse(number, TODAY).gender();

            assertThat(gender).as("sequence ending in %d", digit)
                    .isEqualTo(digit % 2 == 1 ? Gender.MALE : Gender.FEMALE);
        }
    }

    @Test
    void acceptsEveryProvinceCodeOfTheRulesAsAResidentId() {
        for (String province : PROVINCES) {
            String number = withCheck(province + "0102" + "19800101" + "123");

            ResidentIdentityNumber id = ResidentIdentityNumber.parse(number, TODAY);

            assertThat(id.type()).as(province).isEqualTo(DocumentType.RESIDENT_ID);
            assertThat(id.regionCode()).isEqualTo(province + "0102");
        }
    }

    @Test
    void acceptsBirthOnTheBoundaryDays() {
        assertThat(ResidentIdentityNumber.parse(withCheck("110105" + "20261122" + "001"), TODAY).birthDate())
                .as("born today is not in the future").isEqualTo(TODAY);
        assertThat(ResidentIdentityNumber.parse(withCheck("110105" + "18900101" + "001"), TODAY).birthDate())
                .isEqualTo(LocalDate.of(1890, 1, 1));
        assertThat(ResidentIdentityNumber.parse(withCheck("110105" + "20000229" + "001"), TODAY).birthDate())
                .as("2000 is a leap year").isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void computesAgeFromTheBirthDate() {
        ResidentIdentityNumber id = ResidentIdentityNumber.parse(EXAMPLE, TODAY);

        assertThat(id.ageOn(LocalDate.of(1967, 12, 30))).isEqualTo(17);
        assertThat(id.ageOn(LocalDate.of(1967, 12, 31))).isEqualTo(18);
    }

    // ---- permits with the same layout -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"81", "82", "83"})
    void recognisesHongKongMacaoAndTaiwanResidencePermits(String prefix) {
        String number = withCheck(prefix + "0000" + "19900101" + "123");

        ResidentIdentityNumber id = ResidentIdentityNumber.parse(number, TODAY);

        assertThat(id.type()).isEqualTo(DocumentType.HMT_RESIDENCE_PERMIT);
        assertThat(id.value()).isEqualTo(number);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(id.gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void recognisesForeignPermanentResidentIdsIssuedInEveryProvince() {
        for (String province : PROVINCES) {
            // 9 + province of issue + country code (840) + birth date + sequence
            String number = withCheck("9" + province + "840" + "19800101" + "002");

            ResidentIdentityNumber id = ResidentIdentityNumber.parse(number, TODAY);

            assertThat(id.type()).as(number).isEqualTo(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID);
            assertThat(id.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
            assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        }
    }

    @Test
    void foreignPermanentResidentIdsStillNeedTheCheckCharacter() {
        String valid = withCheck("911840" + "19800101" + "002");
        String wrong = valid.substring(0, 17) + otherCheckChar(valid.charAt(17));

        assertThat(rejectionOf(wrong)).isEqualTo(IdentityRejection.ID_CHECKSUM);
    }

    // ---- rejections -------------------------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "1101051949123100",          // 16 characters
            "11010519491231002",         // 17 characters
            "11010519491231002X1",       // 19 characters
            "110105194912310021X",       // 19 characters, X last
            "1101051949123100X2",        // X not last
            "X1010519491231002X",        // X first
            "11010519491231002A",        // another letter as check
            "1101051949A231002X",        // letter in the birth date
            "ABCDEFGHIJKLMNOPQR",        // letters only
            "11010549123100X",           // legacy length with X
            "11010549123100",            // 14 digits
            "1101054912310022",          // 16 digits
            "11010519491231002-",        // punctuation
            "110105-19491231-002X",      // separators are not spaces
            "   "})
    void rejectsMalformedNumbersAsFormatErrors(String raw) {
        assertThat(rejectionOf(raw)).isEqualTo(IdentityRejection.ID_FORMAT);
    }

    @Test
    void rejectsEveryWrongCheckCharacter() {
        for (char check : "0123456789".toCharArray()) {
            String number = EXAMPLE.substring(0, 17) + check;

            assertThat(rejectionOf(number)).as(number).isEqualTo(IdentityRejection.ID_CHECKSUM);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "19490230",   // 30 February
            "19000229",   // 1900 is not a leap year
            "19491301",   // month 13
            "19490001",   // month 0
            "19490100",   // day 0
            "19490132",   // 32 January
            "19490431",   // 31 April
            "20261123",   // the day after today
            "20270101",   // next year
            "99991231",   // far future
            "18891231",   // before 1890
            "08000101",   // year 800
            "00000000"})
    void rejectsBirthDatesThatAreNotRealOrInTheFutureOrTooOld(String birth) {
        String number = withCheck("110105" + birth + "002");

        assertThat(rejectionOf(number)).as(number).isEqualTo(IdentityRejection.ID_BIRTH_DATE);
    }

    @Test
    void rejectsLegacyNumbersWithImpossibleBirthDates() {
        assertThat(rejectionOf("110105490230002")).isEqualTo(IdentityRejection.ID_BIRTH_DATE);
        assertThat(rejectionOf("110105491301002")).isEqualTo(IdentityRejection.ID_BIRTH_DATE);
    }

    @Test
    void rejectsEveryTwoDigitPrefixThatIsNeitherAProvinceNorAPermitPrefix() {
        for (int p = 0; p <= 89; p++) {
            String prefix = String.format("%02d", p);
            if (PROVINCES.contains(prefix) || RESIDENCE_PERMIT_PREFIXES.contains(prefix)) {
                continue;
            }
            String number = withCheck(prefix + "0102" + "19800101" + "123");

            assertThat(rejectionOf(number)).as(number).isEqualTo(IdentityRejection.ID_REGION);
        }
    }

    @Test
    void rejectsForeignPermanentResidentIdsWithAnUnknownProvinceOfIssue() {
        for (int p = 0; p <= 99; p++) {
            String province = String.format("%02d", p);
            if (PROVINCES.contains(province)) {
                continue;
            }
            String number = withCheck("9" + province + "840" + "19800101" + "002");

            assertThat(rejectionOf(number)).as(number).isEqualTo(IdentityRejection.ID_REGION);
        }
    }

    @Test
    void rejectionMessagesNeverContainTheNumber() {
        List<String> invalid = List.of(EXAMPLE.substring(0, 17) + "1", withCheck("110105" + "19490230" + "002"),
                withCheck("000102" + "19800101" + "123"), "1101051949123100X2");
        for (String number : invalid) {
            InvalidIdentityException e = catchThrowableOfType(() -> ResidentIdentityNumber.parse(number, TODAY),
                    InvalidIdentityException.class);

            assertThat(e).as(number).isNotNull();
            assertThat(e.getMessage()).doesNotContain(number).doesNotContain(number.substring(6, 14));
            assertThat(e.getStackTrace()).as("no stack trace that could be logged with the input").isEmpty();
        }
    }

    @Test
    void toStringIsMasked() {
        String shown = ResidentIdentityNumber.parse(EXAMPLE, TODAY).toString();

        assertThat(shown).isEqualTo("1101**********002X").doesNotContain("19491231");
    }

    // ---- key acceptance: every single-character error is caught ---------------------------------------

    @Test
    void rejectsEverySingleCharacterSubstitution() {
        List<String> problems = new ArrayList<>();
        int tried = 0;
        for (int position = 0; position < EXAMPLE.length(); position++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement == EXAMPLE.charAt(position)) {
                    continue;
                }
                String candidate = EXAMPLE.substring(0, position) + replacement + EXAMPLE.substring(position + 1);
                tried++;
                checkRejected(candidate, "substitution at " + position + " by " + replacement, problems);
            }
        }

        assertThat(tried).isEqualTo(18 * (ALPHABET.length() - 1));
        assertThat(problems).isEmpty();
    }

    @Test
    void rejectsEveryAdjacentTranspositionOfDistinctCharacters() {
        List<String> problems = new ArrayList<>();
        int tried = 0;
        for (int position = 0; position + 1 < EXAMPLE.length(); position++) {
            char a = EXAMPLE.charAt(position);
            char b = EXAMPLE.charAt(position + 1);
            if (a == b) {
                continue;
            }
            String candidate = EXAMPLE.substring(0, position) + b + a + EXAMPLE.substring(position + 2);
            tried++;
            checkRejected(candidate, "transposition at " + position + "/" + (position + 1), problems);
        }

        assertThat(tried).isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void theWeightsDetectEveryAdjacentTranspositionOfDigits() {
        // Transposing digits a≠b at i, i+1 changes Σ by (a−b)(w[i]−w[i+1]); with 11 prime and |a−b| < 11
        // it is detected exactly when w[i] ≢ w[i+1] (mod 11). The check character itself has weight 1.
        int[] all = IntStream.concat(IntStream.of(WEIGHTS), IntStream.of(1)).toArray();
        for (int i = 0; i + 1 < all.length; i++) {
            assertThat(Math.floorMod(all[i] - all[i + 1], 11)).as("positions %d/%d", i, i + 1).isNotZero();
        }
    }

    // ---- found in free text -----------------------------------------------------------------------------

    @Test
    void findsANumberInTextPlainInGroupsWithALowerCaseXOrInFullWidthDigits() {
        String fullWidth = EXAMPLE.chars().mapToObj(c -> String.valueOf(c == 'X' ? 'Ｘ' : (char) (c - '0' + '０')))
                .reduce("", String::concat);
        for (String text : new String[] {"当事人 " + EXAMPLE + " 已履行", "证号 110105 19491231 002X",
                "1101 0519 4912 3100 2x", "110105-19491231-002X", "号码" + fullWidth}) {
            assertThat(ResidentIdentityNumber.appearsIn(text)).as(text).isTrue();
        }
    }

    @Test
    void passesOverDigitRunsWhoseCheckCharacterFitsButThatAreNoNumber() {
        // Each has a check character that fits: one 18-digit run in 11 does.
        String[] runs = {
            "914101057390124487", // a company's unified social credit code (GB 32100), all digits
            "202612030000012349", // a business number
            withCheck("00010519900307123"), // no province
            withCheck("41170219901332123"), // the 32nd of the 13th month
            withCheck("41170221000101123"), // born in 2100
            withCheck("41170218800101123"), // born before 1890
        };
        for (String run : runs) {
            assertThat(ResidentIdentityNumber.appearsIn("营业执照变更 " + run)).as(run).isFalse();
        }
        assertThat(ResidentIdentityNumber.appearsIn("914101057390124487")).isFalse();
    }

    // ---- helpers derived from RULES.md §1 ---------------------------------------------------------------

    private static void checkRejected(String candidate, String what, List<String> problems) {
        Set<IdentityRejection> broken = rulesBrokenBy(candidate);
        if (broken.isEmpty()) {
            problems.add(what + ": the rules cannot detect " + candidate);
            return;
        }
        try {
            ResidentIdentityNumber.parse(candidate, TODAY);
            problems.add(what + ": accepted " + candidate);
        } catch (InvalidIdentityException e) {
            if (e.rejection() == null) {
                problems.add(what + ": rejected without a code");
            } else if (!broken.contains(e.rejection())) {
                problems.add(what + ": " + e.rejection() + " but the rules broken are " + broken);
            } else if (!e.code().equals(e.rejection().name())) {
                problems.add(what + ": code " + e.code() + " differs from " + e.rejection());
            }
        }
    }

    /** The rules of RULES.md §1 that {@code n} (already canonical) breaks; empty when it is valid. */
    private static Set<IdentityRejection> rulesBrokenBy(String n) {
        if (!n.matches("[0-9]{17}[0-9X]")) {
            return EnumSet.of(IdentityRejection.ID_FORMAT);
        }
        Set<IdentityRejection> broken = EnumSet.noneOf(IdentityRejection.class);
        if (withCheck(n.substring(0, 17)).charAt(17) != n.charAt(17)) {
            broken.add(IdentityRejection.ID_CHECKSUM);
        }
        String prefix = n.substring(0, 2);
        boolean regionKnown = n.charAt(0) == '9' ? PROVINCES.contains(n.substring(1, 3))
                : PROVINCES.contains(prefix) || RESIDENCE_PERMIT_PREFIXES.contains(prefix);
        if (!regionKnown) {
            broken.add(IdentityRejection.ID_REGION);
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
                    Integer.parseInt(n.substring(12, 14)));
            if (birth.isAfter(TODAY) || birth.getYear() < 1890) {
                broken.add(IdentityRejection.ID_BIRTH_DATE);
            }
        } catch (DateTimeException e) {
            broken.add(IdentityRejection.ID_BIRTH_DATE);
        }
        return broken;
    }

    private static IdentityRejection rejectionOf(String raw) {
        InvalidIdentityException e = catchThrowableOfType(() -> ResidentIdentityNumber.parse(raw, TODAY),
                InvalidIdentityException.class);
        assertThat(e).as("%s should be rejected", raw).isNotNull();
        return e.rejection();
    }

    private static int weightedSum(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum;
    }

    static String withCheck(String first17) {
        assertThat(first17).hasSize(17).containsOnlyDigits();
        return first17 + CHECK_FOR_REMAINDER.charAt(weightedSum(first17) % 11);
    }

    private static char otherCheckChar(char check) {
        return check == '0' ? '1' : '0';
    }

    private static Set<String> provinces() {
        Set<String> codes = new TreeSet<>();
        int[][] ranges = {{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}, {71, 71}};
        for (int[] range : ranges) {
            for (int code = range[0]; code <= range[1]; code++) {
                codes.add(Integer.toString(code));
            }
        }
        return Set.copyOf(codes);
    }
}
