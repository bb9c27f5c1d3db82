package cn.chengxin.catalog.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The classes of penalty types (RULES.md §4, 国办发〔2025〕22号) and the check of an item's severity against them. */
class PenaltyTypeClassesTests {

    private final PenaltyTypeClasses national = PenaltyTypeClasses.nationalDefaults();

    @Test
    void everyTypeThePenaltyItemsOfferIsClassedOrDeliberatelyLeftOpen() {
        FieldDefinition types = BaseCatalogue.items().stream().filter(i -> i.code().equals("P_ADMIN_PENALTY_MINOR"))
                .findFirst().orElseThrow().fields().stream()
                .filter(f -> f.name().equals(PenaltyTypeClasses.FIELD)).findFirst().orElseThrow();
        for (String type : types.choices()) {
            assertThat(national.classOf(type).isPresent() || type.equals("其他")).as(type).isTrue();
        }
    }

    @Test
    void aLicenceRevokedIsSeriousAWarningMinorAFineAtLeastMinor() {
        assertThat(national.classOf("吊销许可证件")).contains(Severity.SERIOUS);
        assertThat(national.classOf("行政拘留")).contains(Severity.SERIOUS);
        assertThat(national.classOf("责令关闭")).contains(Severity.SERIOUS);
        assertThat(national.classOf("暂扣许可证件")).contains(Severity.GENERAL);
        assertThat(national.classOf("警告")).contains(Severity.MINOR);
        assertThat(national.classOf("罚款")).as("a small fine under 简易程序 is minor").contains(Severity.MINOR);
        assertThat(national.classOf("其他")).isEmpty();
        assertThat(national.classOf(null)).isEmpty();
    }

    @Test
    void onlyATypeGraverThanTheItemIsRefused() {
        assertThat(national.graverThanItem(Severity.MINOR, Map.of("penalty_type", "吊销许可证件")))
                .contains(Severity.SERIOUS);
        assertThat(national.graverThanItem(Severity.GENERAL, Map.of("penalty_type", " 吊销许可证件 ")))
                .contains(Severity.SERIOUS);
        assertThat(national.graverThanItem(Severity.SERIOUS, Map.of("penalty_type", "吊销许可证件"))).isEmpty();
        assertThat(national.graverThanItem(Severity.SERIOUS, Map.of("penalty_type", "警告")))
                .as("a lighter type under a graver item: the department judged the act graver").isEmpty();
        assertThat(national.graverThanItem(Severity.MINOR, Map.of("penalty_type", "罚款"))).isEmpty();
        assertThat(national.graverThanItem(Severity.MINOR, Map.of("penalty_type", "其他"))).isEmpty();
        assertThat(national.graverThanItem(null, Map.of("penalty_type", "吊销许可证件")))
                .as("an item without severity (good information)").isEmpty();
        assertThat(national.graverThanItem(Severity.MINOR, Map.of("facts", "x"))).isEmpty();
    }

    @Test
    void thePlatformChangesATypesClassAndAddsItsOwn() {
        PenaltyTypeClasses local = PenaltyTypeClasses.withOverrides(Map.of("暂扣许可证件", Severity.SERIOUS,
                "取缔", Severity.SERIOUS));
        assertThat(local.classOf("暂扣许可证件")).contains(Severity.SERIOUS);
        assertThat(local.classOf("取缔")).contains(Severity.SERIOUS);
        assertThat(local.classOf("警告")).as("the other national defaults stay").contains(Severity.MINOR);
        assertThat(national.classOf("暂扣许可证件")).as("the defaults are not changed").contains(Severity.GENERAL);
    }
}
