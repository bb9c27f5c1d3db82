package cn.chengxin.catalog.domain;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxx L6: every item the base catalogue shares publicly (公开公示) has a public page, the negative ones on
 * 失信信息公示 (not the minor ones), the licences and other basic ones on 行政许可公示, the good ones on 守信信息公示.
 */
class PublicPageTests {

    private static final Map<String, ItemDefinition> BASE = BaseCatalogue.items().stream()
            .collect(Collectors.toMap(ItemDefinition::code, Function.identity()));

    @Test
    void eachPublicItemOfTheBaseCatalogueHasItsPage() {
        assertThat(PublicPage.of(BASE.get("P_ADMIN_PENALTY_GENERAL"))).contains(PublicPage.DISCLOSURES);
        assertThat(PublicPage.of(BASE.get("P_ADMIN_LICENCE"))).contains(PublicPage.LICENCES);
        assertThat(PublicPage.of(BASE.get("O_ADMIN_LICENCE"))).contains(PublicPage.LICENCES);
        assertThat(PublicPage.of(BASE.get("O_REGISTRATION"))).contains(PublicPage.LICENCES);
        assertThat(PublicPage.of(BASE.get("P_COMMENDATION"))).contains(PublicPage.HONOURS);
        assertThat(PublicPage.of(BASE.get("P_GOOD_SAMARITAN"))).contains(PublicPage.HONOURS);
        assertThat(PublicPage.of(BASE.get("O_TAX_CREDIT_A"))).contains(PublicPage.HONOURS);
        assertThat(BASE.values()).filteredOn(d -> d.sharing() == Sharing.PUBLIC && d.severity() != Severity.MINOR)
                .allSatisfy(d -> assertThat(PublicPage.of(d)).as(d.code()).isPresent());
    }

    @Test
    void noItemSharedOnlyWithGovernmentOrByQueryNorAMinorPenaltyIsPublished() {
        assertThat(PublicPage.of(BASE.get("P_ADMIN_PENALTY_MINOR"))).isEmpty();
        assertThat(PublicPage.of(BASE.get("P_VOLUNTEER_SERVICE"))).isEmpty();
        assertThat(PublicPage.of(BASE.get("P_RESIDENCY"))).isEmpty();
        assertThat(PublicPage.of(BASE.get("O_NAME_CHANGE"))).isEmpty();
        assertThat(PublicPage.of(null)).isEqualTo(Optional.empty());
        ItemDefinition minorShared = BASE.get("P_ADMIN_PENALTY_GENERAL");
        assertThat(PublicPage.of(new ItemDefinition(minorShared.code(), minorShared.name(), minorShared.subjectType(),
                minorShared.nature(), minorShared.category(), minorShared.domain(), minorShared.fields(),
                minorShared.providers(), minorShared.legalBasis(), Sharing.PUBLIC, Severity.MINOR, null, null, null,
                false, false, false, minorShared.updateCycle(), false, null))).isEmpty();
    }
}
