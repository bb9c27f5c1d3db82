package cn.chengxin.shared;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chengxin.city.*}: pick a preset and optionally override its parts (env {@code CHENGXIN_CITY_PRESET},
 * {@code CHENGXIN_CITY_SITE_TITLE}, …): the names, the region prefixes, and — for a city that is none of the presets
 * (gaps review xliii X5) — its province, its districts (GB/T 2260 code → name, in the order shown) and its own policy
 * documents, each replacing the preset's whole.
 */
@ConfigurationProperties("chengxin.city")
public record CityProperties(String preset, String name, String shortName, String englishName,
                             String siteTitle, List<String> regionPrefixes, String province,
                             Map<String, String> districts, List<City.Policy> policies) {

    City resolve() {
        String code = preset == null || preset.isBlank() ? CityPresets.DEFAULT : preset;
        City base = CityPresets.find(code).orElseThrow(() -> new IllegalStateException(
                "Unknown city preset '" + code + "'; known: "
                        + CityPresets.all().stream().map(City::code).toList()));
        return new City(base.code(), or(name, base.name()), or(shortName, base.shortName()),
                or(englishName, base.englishName()), or(province, base.province()), or(siteTitle, base.siteTitle()),
                regionPrefixes == null || regionPrefixes.isEmpty() ? base.regionPrefixes() : regionPrefixes,
                districts == null || districts.isEmpty() ? base.districts() : districts,
                policies == null || policies.isEmpty() ? base.policies() : policies);
    }

    private static String or(String override, String preset) {
        return override == null || override.isBlank() ? preset : override;
    }
}
