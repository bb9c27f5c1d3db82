package cn.chengxin.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xliii X5: a city that is none of the presets configures its province, districts and plan; one that sets
 * none keeps its preset's.
 */
class CityPropertiesTests {

    @Test
    void aPresetKeepsItsProvinceDistrictsAndPlanUnlessConfigured() {
        City zhumadian = new CityProperties("zhumadian", null, null, null, null, null, null, null, null, null, null)
                .resolve();
        assertThat(zhumadian.province()).isEqualTo("河南省");
        assertThat(zhumadian.districts()).containsEntry("411702", "驿城区").hasSize(10);
        assertThat(zhumadian.policies()).extracting(City.Policy::number).containsExactly("驻政办〔2017〕102号");
    }

    @Test
    void aCityOfItsOwnConfiguresItsProvinceDistrictsAndPlan() {
        Map<String, String> districts = new LinkedHashMap<>();
        districts.put("341102", "琅琊区");
        districts.put("341103", "南谯区");
        List<City.Policy> plan = List.of(new City.Policy("示例〔2019〕1号", "滁州市加强个人诚信体系建设实施方案",
                "滁州市人民政府办公室"));
        City chuzhou = new CityProperties("zhumadian", "滁州市", "滁州", "Chuzhou", "信用滁州", List.of("3411"), "安徽省",
                districts, plan, null, null).resolve();
        assertThat(chuzhou.province()).isEqualTo("安徽省");
        assertThat(chuzhou.districts()).containsExactly(Map.entry("341102", "琅琊区"), Map.entry("341103", "南谯区"));
        assertThat(chuzhou.districtName("411702")).as("no district of the preset's").isEmpty();
        assertThat(chuzhou.policies()).isEqualTo(plan);
        assertThat(chuzhou.creditOffice()).as("named after the city configured").isEqualTo("滁州市信用办");
        assertThat(chuzhou.creditOfficeEnglish()).isEqualTo("Chuzhou Municipal Credit Office");
    }

    /** Gaps review xliii X5: each preset names its own credit office; a county's is the county's. */
    @Test
    void eachPresetNamesItsOwnCreditOffice() {
        City zhumadian = new CityProperties("zhumadian", null, null, null, null, null, null, null, null, null, null)
                .resolve();
        assertThat(zhumadian.creditOffice()).isEqualTo("驻马店市信用办");
        assertThat(zhumadian.creditOfficeIn(java.util.Locale.ENGLISH)).isEqualTo("Zhumadian Municipal Credit Office");
        assertThat(zhumadian.creditOfficeIn(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("驻马店市信用办");
        City lingshou = new CityProperties("lingshou", null, null, null, null, null, null, null, null, null, null)
                .resolve();
        assertThat(lingshou.creditOffice()).isEqualTo("灵寿县信用办");
        assertThat(lingshou.creditOfficeEnglish()).isEqualTo("Lingshou County Credit Office");
        assertThat(CityPresets.all()).extracting(City::creditOffice)
                .containsExactly("驻马店市信用办", "镇江市信用办", "灵寿县信用办", "黄石市信用办", "攀枝花市信用办");
    }

    /** A city whose office sits in another body names it so; a name too long for a text message is refused. */
    @Test
    void theCreditOfficeIsConfiguredInBothLanguagesAndKeptShort() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("chengxin.city.preset", "zhenjiang");
        settings.put("chengxin.city.credit-office", "市发展改革委（市信用办）");
        settings.put("chengxin.city.credit-office-en", "Municipal Development and Reform Commission");
        City city = new Binder(new MapConfigurationPropertySource(settings)).bind("chengxin.city", CityProperties.class)
                .get().resolve();
        assertThat(city.creditOffice()).isEqualTo("市发展改革委（市信用办）");
        assertThat(city.creditOfficeEnglish()).isEqualTo("Municipal Development and Reform Commission");
        assertThat(city.name()).as("the rest the preset's").isEqualTo("镇江市");

        CityProperties tooLong = new CityProperties("zhumadian", null, null, null, null, null, null, null, null,
                "驻马店市社会信用体系建设领导小组办公室信用办", null);
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(tooLong::resolve)
                .withMessageContaining("credit-office");
    }

    /** As README "The city" writes it: the districts by code in the order given, the plan a list of documents. */
    @Test
    void theConfigurationBindsTheDistrictsAndThePlan() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("chengxin.city.province", "安徽省");
        settings.put("chengxin.city.districts[341103]", "南谯区");
        settings.put("chengxin.city.districts[341102]", "琅琊区");
        settings.put("chengxin.city.policies[0].number", "示例〔2019〕1号");
        settings.put("chengxin.city.policies[0].title", "实施方案");
        settings.put("chengxin.city.policies[0].issuer", "市人民政府办公室");
        City city = new Binder(new MapConfigurationPropertySource(settings)).bind("chengxin.city", CityProperties.class)
                .get().resolve();
        assertThat(city.province()).isEqualTo("安徽省");
        assertThat(city.districts()).containsOnly(Map.entry("341103", "南谯区"), Map.entry("341102", "琅琊区"));
        assertThat(city.policies()).containsExactly(new City.Policy("示例〔2019〕1号", "实施方案", "市人民政府办公室"));
        assertThat(city.siteTitle()).as("the rest the preset's").isEqualTo("信用驻马店");
    }
}
