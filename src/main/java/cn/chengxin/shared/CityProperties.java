package cn.chengxin.shared;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chengxin.city.*}: pick a preset and optionally override its names (env
 * {@code CHENGXIN_CITY_PRESET}, {@code CHENGXIN_CITY_SITE_TITLE}, …).
 */
@ConfigurationProperties("chengxin.city")
public record CityProperties(String preset, String name, String shortName, String englishName,
                             String siteTitle, List<String> regionPrefixes) {

    City resolve() {
        String code = preset == null || preset.isBlank() ? CityPresets.DEFAULT : preset;
        City base = CityPresets.find(code).orElseThrow(() -> new IllegalStateException(
                "Unknown city preset '" + code + "'; known: "
                        + CityPresets.all().stream().map(City::code).toList()));
        return new City(base.code(), or(name, base.name()), or(shortName, base.shortName()),
                or(englishName, base.englishName()), base.province(), or(siteTitle, base.siteTitle()),
                regionPrefixes == null || regionPrefixes.isEmpty() ? base.regionPrefixes() : regionPrefixes,
                base.districts());
    }

    private static String or(String override, String preset) {
        return override == null || override.isBlank() ? preset : override;
    }
}
