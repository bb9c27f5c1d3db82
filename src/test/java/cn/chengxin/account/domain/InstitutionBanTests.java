package cn.chengxin.account.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstitutionBanTests {

    private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    private static final LocalDate UNTIL = LocalDate.of(2027, 5, 31);

    @Test
    void aBanHoldsFromItsFirstDayToItsLastBothIncluded() {
        assertThat(InstitutionBan.inForce(FROM, UNTIL, FROM.minusDays(1))).isFalse();
        assertThat(InstitutionBan.inForce(FROM, UNTIL, FROM)).isTrue();
        assertThat(InstitutionBan.inForce(FROM, UNTIL, UNTIL)).isTrue();
        assertThat(InstitutionBan.inForce(FROM, UNTIL, UNTIL.plusDays(1))).isFalse();
    }

    @Test
    void aPeriodEndsNotBeforeItStartsAndLastsAtMostFiveYears() {
        assertThat(InstitutionBan.validPeriod(FROM, FROM)).isTrue();
        assertThat(InstitutionBan.validPeriod(FROM, FROM.plusYears(5))).isTrue();
        assertThat(InstitutionBan.validPeriod(FROM, FROM.plusYears(5).plusDays(1))).isFalse();
        assertThat(InstitutionBan.validPeriod(FROM, FROM.minusDays(1))).isFalse();
        assertThat(InstitutionBan.validPeriod(null, UNTIL)).isFalse();
        assertThat(InstitutionBan.validPeriod(FROM, null)).isFalse();
    }

    @Test
    void organisationNamesMatchWhateverTheirWidthCaseAndSpaces() {
        assertThat(InstitutionBan.sameOrganisation("某某银行（股份）有限公司", " 某某银行 (股份) 有限公司")).isTrue();
        assertThat(InstitutionBan.sameOrganisation("ＡＢＣ Bank", "abc bank")).isTrue();
        assertThat(InstitutionBan.sameOrganisation("某某银行股份有限公司", "某某银行")).isFalse();
        assertThat(InstitutionBan.sameOrganisation(" ", " ")).isFalse();
        assertThat(InstitutionBan.sameOrganisation(null, "某某银行")).isFalse();
    }
}
