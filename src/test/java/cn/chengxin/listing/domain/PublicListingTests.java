package cn.chengxin.listing.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.catalog.domain.BaseCatalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicListingTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final Map<String, ItemDefinition> BASE = BaseCatalogue.items().stream()
            .collect(Collectors.toMap(ItemDefinition::code, Function.identity()));

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

    /** RULES.md §2, §10: a volunteer's hours (授权查询) or tax arrears (政务共享) never reach the public lists. */
    @Test
    void publishesOnlyEntriesOnItemsSharedPublicly() {
        assertThat(PublicListing.publishesItem(BASE.get("P_COMMENDATION"), BASE.get("P_COMMENDATION"))).isTrue();
        assertThat(PublicListing.publishesItem(BASE.get("P_COURT_DEFAULTER"), null)).isTrue();
        assertThat(PublicListing.publishesItem(BASE.get("P_VOLUNTEER_SERVICE"), null)).isFalse();
        assertThat(PublicListing.publishesItem(BASE.get("P_TAX_ARREARS"), null)).isFalse();
        assertThat(PublicListing.publishesItem(null, BASE.get("P_COMMENDATION"))).isFalse();
    }

    /** The stricter of the item in force and the version the record was stored under holds. */
    @Test
    void aRecordStoredUnderAVersionNotSharedPubliclyIsNotPublishedOnceTheItemIs() {
        assertThat(PublicListing.publishesItem(BASE.get("P_COMMENDATION"), BASE.get("P_VOLUNTEER_SERVICE")))
                .isFalse();
        assertThat(PublicListing.publishesItem(BASE.get("P_VOLUNTEER_SERVICE"), BASE.get("P_COMMENDATION")))
                .isFalse();
    }
}
