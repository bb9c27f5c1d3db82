package cn.chengxin.subject.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md §6: a child under 14 needs a guardian's consent (PIPL Art. 28, 31). */
class GuardianConsentTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void aChildUnder14NeedsAGuardianUntilTheDayBeforeTheFourteenthBirthday() {
        assertThat(GuardianConsent.required(LocalDate.of(2016, 6, 1), TODAY)).isTrue();
        assertThat(GuardianConsent.required(LocalDate.of(2012, 12, 5), TODAY)).as("14 tomorrow").isTrue();
    }

    @Test
    void fromTheFourteenthBirthdayThePersonDecidesAlone() {
        assertThat(GuardianConsent.required(LocalDate.of(2012, 12, 4), TODAY)).as("14 today").isFalse();
        assertThat(GuardianConsent.required(LocalDate.of(1985, 3, 9), TODAY)).isFalse();
    }

    @Test
    void oneBornOnTheTwentyNinthOfFebruaryTurns14OnTheTwentyEighth() {
        LocalDate leap = LocalDate.of(2012, 2, 29);
        assertThat(GuardianConsent.required(leap, LocalDate.of(2026, 2, 27))).isTrue();
        assertThat(GuardianConsent.required(leap, LocalDate.of(2026, 2, 28))).isFalse();
    }

    @Test
    void anUnknownBirthDateNeedsNoGuardian() {
        assertThat(GuardianConsent.required(null, TODAY)).isFalse();
    }
}
