package cn.chengxin.catalog.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NationalPeriodsTests {

    private static ItemDefinition general(Sharing sharing, Severity severity, Integer min, Integer max) {
        return ItemDefinition.withDefaultPeriods(new ItemDefinition("P_TEST_ITEM", "测试事项", SubjectType.PERSON,
                Nature.NEGATIVE, Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, List.of(), List.of("MARKET"),
                "《测试法》第一条", sharing, severity, min, max, null, true, true, false, UpdateCycle.DAILY, false,
                null));
    }

    @Test
    void anItemWithTheNationalPeriodsOfItsSeverityDepartsFromNothing() {
        for (Severity s : Severity.values()) {
            assertThat(NationalPeriods.departures(general(Sharing.GOVERNMENT, s, null, null))).as(s.name()).isEmpty();
        }
    }

    @Test
    void aGeneralItemPublishedForFiveYearsIsShownAsDepartingButNotRefused() {
        ItemDefinition d = general(Sharing.PUBLIC, Severity.GENERAL, null, 60);
        assertThat(NationalPeriods.departures(d)).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("publicationMaxMonths");
            assertThat(w.message()).contains("60 个月", "一般", "12 个月");
        });
        assertThat(ItemRules.forActivation(d)).as("sector rules and local laws may set other periods").isEmpty();
    }

    @Test
    void aShorterMinimumBeforeRepairAndAShorterPublicationDepartToo() {
        assertThat(NationalPeriods.departures(general(Sharing.PUBLIC, Severity.SERIOUS, 6, 24)))
                .extracting(NationalPeriods.Departure::field)
                .containsExactly("publicationMinMonths", "publicationMaxMonths");
    }

    @Test
    void aMinorItemIsNormallyNotPublished() {
        assertThat(NationalPeriods.departures(general(Sharing.PUBLIC, Severity.MINOR, null, null)))
                .extracting(NationalPeriods.Departure::field).containsExactly("sharing");
    }

    @Test
    void itemsWithoutSeverityHaveNoNationalPeriods() {
        ItemDefinition honour = new ItemDefinition("P_GOOD", "好", SubjectType.PERSON, Nature.GOOD, Category.HONOUR,
                Domain.GENERAL, List.of(), List.of("X"), "某法某条", Sharing.PUBLIC, null, null, 24, null, false,
                true, false, UpdateCycle.DAILY, false, null);
        assertThat(NationalPeriods.departures(honour)).isEmpty();
    }

    @Test
    void theBaseCatalogueFollowsTheNationalPeriods() {
        BaseCatalogue.items().forEach(i -> assertThat(NationalPeriods.departures(ItemDefinition.withDefaultPeriods(i)))
                .as(i.code()).isEmpty());
    }
}
