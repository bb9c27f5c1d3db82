package cn.chengxin.subject.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * GB 32100-2015 unified social credit codes (RULES.md §1), with the GB 11714 organisation code inside.
 * Check characters are computed here from the rules, independently of the class under test.
 */
class UnifiedSocialCreditCodeTests {

    /** The example of RULES.md §1. */
    private static final String EXAMPLE = "91350100M000100Y43";

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /** Registration authorities of GB 32100-2015 Table 1: 1–9, A, N, Y. */
    private static final String REGISTRATION_AUTHORITIES = "123456789ANY";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // ---- acceptance -------------------------------------------------------------------------------------

    @Test
    void computesTheRuleExampleIndependently() {
        assertThat(withCheck(EXAMPLE.substring(0, 17))).isEqualTo(EXAMPLE);
        assertThat(organisationCheck("M000100Y")).isEqualTo(EXAMPLE.charAt(16));
    }

    @Test
    void acceptsTheExampleFromTheRules() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(EXAMPLE);

        assertThat(code.value()).isEqualTo(EXAMPLE);
        assertThat(code.regionCode()).isEqualTo("350100");
        assertThat(code.toString()).isEqualTo(EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100m000100y43", " 91350100M000100Y43 ", "9135 0100 M000 100Y 43",
            "９１３５０１００Ｍ０００１００Ｙ４３", "\u300091350100M000100Y43\u3000"})
    void normalisesCaseWidthAndSpaces(String typed) {
        assertThat(UnifiedSocialCreditCode.parse(typed).value()).isEqualTo(EXAMPLE);
    }

    @Test
    void acceptsEveryRegistrationAuthorityOfTheStandard() {
        for (char authority : REGISTRATION_AUTHORITIES.toCharArray()) {
            String code = withCheck(authority + EXAMPLE.substring(1, 17));

            assertThat(UnifiedSocialCreditCode.parse(code).value()).as(code).isEqualTo(code);
        }
    }

    @Test
    void acceptsOrganisationCodesWhoseCheckIsXOrZero() {
        // c = 11 − (Σ mod 11): 10 → X, 11 → 0. Find a body for each case with the rule itself.
        String bodyWithX = bodyWhoseOrganisationCheckIs('X');
        String bodyWithZero = bodyWhoseOrganisationCheckIs('0');

        for (String body : List.of(bodyWithX, bodyWithZero)) {
            String code = withCheck("91411702" + body + organisationCheck(body));

            assertThat(UnifiedSocialCreditCode.parse(code).value()).as(code).isEqualTo(code);
        }
    }

    @Test
    void acceptsOrganisationCodeBodiesWithLetters() {
        String body = "MA1B2C3D";
        String code = withCheck("92411702" + body + organisationCheck(body));

        assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
    }

    // ---- rejections -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void rejectsTheLettersOutsideTheCharsetAnywhere(char forbidden) {
        for (int position = 0; position < 18; position++) {
            String code = EXAMPLE.substring(0, position) + forbidden + EXAMPLE.substring(position + 1);

            assertThat(rejectionOf(code)).as(code).isEqualTo(IdentityRejection.USCC_FORMAT);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y431", "9135", "91350100M000100Y43 9",
            "91350100-M000100Y4-3", "91350100M000100Y4#", "   "})
    void rejectsWrongLengthsAndForeignCharactersAsFormatErrors(String raw) {
        assertThat(rejectionOf(raw)).isEqualTo(IdentityRejection.USCC_FORMAT);
    }

    @Test
    void rejectsLettersInTheRegionCodeEvenWithAValidCheckCharacter() {
        // GB 32100-2015: characters 3–8 are the GB/T 2260 administrative region code, digits only.
        for (int position = 2; position < 8; position++) {
            String first17 = EXAMPLE.substring(0, position) + 'A' + EXAMPLE.substring(position + 1, 17);
            String code = withCheck(first17);

            assertThat(rejectionOf(code)).as(code).isEqualTo(IdentityRejection.USCC_FORMAT);
        }
    }

    @Test
    void rejectsEveryWrongCheckCharacter() {
        for (char check : CHARSET.toCharArray()) {
            if (check == EXAMPLE.charAt(17)) {
                continue;
            }
            String code = EXAMPLE.substring(0, 17) + check;

            assertThat(rejectionOf(code)).as(code).isEqualTo(IdentityRejection.USCC_CHECKSUM);
        }
    }

    @Test
    void rejectsUnknownRegistrationAuthoritiesEvenWithAValidCheckCharacter() {
        int tried = 0;
        for (char authority : CHARSET.toCharArray()) {
            if (REGISTRATION_AUTHORITIES.indexOf(authority) >= 0) {
                continue;
            }
            String code = withCheck(authority + EXAMPLE.substring(1, 17));
            tried++;

            assertThat(rejectionOf(code)).as(code).isEqualTo(IdentityRejection.USCC_REGISTRATION_AUTHORITY);
        }
        assertThat(tried).isEqualTo(CHARSET.length() - REGISTRATION_AUTHORITIES.length());
    }

    @Test
    void rejectsAWrongOrganisationCodeCheckEvenWhenTheOuterCheckIsRecomputed() {
        for (char innerCheck : "0123456789X".toCharArray()) {
            if (innerCheck == EXAMPLE.charAt(16)) {
                continue;
            }
            String code = withCheck(EXAMPLE.substring(0, 16) + innerCheck);

            assertThat(rejectionOf(code)).as(code).isEqualTo(IdentityRejection.USCC_ORGANISATION_CODE_CHECKSUM);
        }
    }

    @Test
    void rejectionMessagesNeverContainTheCode() {
        InvalidIdentityException e = catchThrowableOfType(
                () -> UnifiedSocialCreditCode.parse(EXAMPLE.substring(0, 17) + "0"), InvalidIdentityException.class);

        assertThat(e.getMessage()).doesNotContain(EXAMPLE.substring(0, 17));
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
    void theWeightsDetectEveryAdjacentTranspositionOfCharsetCharacters() {
        // Transposing values a≠b (both < 31) at i, i+1 changes Σ by (a−b)(w[i]−w[i+1]); 31 is prime, so it is
        // detected exactly when w[i] ≢ w[i+1] (mod 31). The check character counts with weight 1 (Σ + c ≡ 0).
        int[] all = new int[18];
        System.arraycopy(WEIGHTS, 0, all, 0, 17);
        all[17] = 1;
        for (int i = 0; i + 1 < all.length; i++) {
            assertThat(Math.floorMod(all[i] - all[i + 1], 31)).as("positions %d/%d", i, i + 1).isNotZero();
        }
    }

    // ---- helpers derived from RULES.md §1 and GB 32100-2015 ---------------------------------------------

    private static void checkRejected(String candidate, String what, List<String> problems) {
        Set<IdentityRejection> broken = rulesBrokenBy(candidate);
        if (broken.isEmpty()) {
            problems.add(what + ": the rules cannot detect " + candidate);
            return;
        }
        try {
            UnifiedSocialCreditCode.parse(candidate);
            problems.add(what + ": accepted " + candidate);
        } catch (InvalidIdentityException e) {
            if (e.rejection() == null) {
                problems.add(what + ": rejected without a code");
            } else if (!broken.contains(e.rejection())) {
                problems.add(what + ": " + e.rejection() + " but the rules broken are " + broken);
            }
        }
    }

    private static Set<IdentityRejection> rulesBrokenBy(String code) {
        if (code.length() != 18 || !code.chars().allMatch(c -> CHARSET.indexOf(c) >= 0)) {
            return EnumSet.of(IdentityRejection.USCC_FORMAT);
        }
        Set<IdentityRejection> broken = EnumSet.noneOf(IdentityRejection.class);
        if (!code.substring(2, 8).matches("[0-9]{6}")) {
            // GB 32100: characters 3–8 are the GB/T 2260 region code
            broken.add(IdentityRejection.USCC_FORMAT);
        }
        if (withCheck(code.substring(0, 17)).charAt(17) != code.charAt(17)) {
            broken.add(IdentityRejection.USCC_CHECKSUM);
        }
        if (REGISTRATION_AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            broken.add(IdentityRejection.USCC_REGISTRATION_AUTHORITY);
        }
        if (organisationCheck(code.substring(8, 16)) != code.charAt(16)) {
            broken.add(IdentityRejection.USCC_ORGANISATION_CODE_CHECKSUM);
        }
        return broken;
    }

    private static IdentityRejection rejectionOf(String raw) {
        InvalidIdentityException e = catchThrowableOfType(() -> UnifiedSocialCreditCode.parse(raw),
                InvalidIdentityException.class);
        assertThat(e).as("%s should be rejected", raw).isNotNull();
        return e.rejection();
    }

    static String withCheck(String first17) {
        assertThat(first17).hasSize(17);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            assertThat(value).as("character %s", first17.charAt(i)).isNotNegative();
            sum += value * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return first17 + CHARSET.charAt(c == 31 ? 0 : c);
    }

    /** GB 11714: digits 0–9, letters A–Z 10–35; c = 11 − (Σ mod 11), 10 → X, 11 → 0. */
    static char organisationCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body.charAt(i);
            int value = ch >= '0' && ch <= '9' ? ch - '0' : ch - 'A' + 10;
            sum += value * ORGANISATION_CODE_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    private static String bodyWhoseOrganisationCheckIs(char check) {
        for (int n = 10_000_000; n < 10_001_000; n++) {
            String body = Integer.toString(n);
            if (organisationCheck(body) == check) {
                return body;
            }
        }
        throw new AssertionError("no body found with organisation check " + check);
    }
}
