package cn.chengxin.listing.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicListingTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void namesAPersonFromTheirEighteenthBirthday() {
        assertThat(PublicListing.namesPerson(LocalDate.of(2008, 12, 3), TODAY)).isTrue();
        assertThat(PublicListing.namesPerson(LocalDate.of(1980, 1, 1), TODAY)).isTrue();
    }

    @Test
    void namesNoMinorNorAChildUnder14() {
        assertThat(PublicListing.namesPerson(LocalDate.of(2008, 12, 4), TODAY)).isFalse();
        assertThat(PublicListing.namesPerson(LocalDate.of(2014, 6, 1), TODAY)).isFalse();
    }

    @Test
    void namesNoPersonWhoseBirthDateIsUnknown() {
        assertThat(PublicListing.namesPerson(null, TODAY)).isFalse();
    }
}
