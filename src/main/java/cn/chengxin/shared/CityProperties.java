package cn.chengxin.shared;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chengxin.city.*}: pick a preset and optionally override its parts (env {@code CHENGXIN_CITY_PRESET},
 * {@code CHENGXIN_CITY_SITE_TITLE}, …): the names, the region prefixes, and — for a city that is none of the presets
 * (gaps review xliii X5) — its province, its districts (GB/T 2260 code → name, in the order shown) and its own policy
 * documents, each replacing the preset's whole; and the credit office's name in Chinese and English as reports and
 * text messages name it ({@code credit-office}, {@code credit-office-en}; by default the city's name and 信用办).
 */
@ConfigurationProperties("chengxin.city")
public record CityProperties(String preset, String name, String shortName, String englishName,
                             String siteTitle, List<String> regionPrefixes, String province,
                             Map<String, String> districts, List<City.Policy> policies,
                             String creditOffice, String creditOfficeEn) {

    /** The longest credit office's name: it is said in text messages, whose length is counted and paid for. */
    static final int CREDIT_OFFICE_MAX = 20;

    City resolve() {
        String code = preset == null || preset.isBlank() ? CityPresets.DEFAULT : preset;
        City base = CityPresets.find(code).orElseThrow(() -> new IllegalStateException(
                "Unknown city preset '" + code + "'; known: "
                        + CityPresets.all().stream().map(City::code).toList()));
        String cityName = or(name, base.name());
        String cityEnglishName = or(englishName, base.englishName());
        String office = or(creditOffice, City.defaultCreditOffice(cityName)).strip();
        if (office.length() > CREDIT_OFFICE_MAX) {
            throw new IllegalStateException("chengxin.city.credit-office is longer than " + CREDIT_OFFICE_MAX
                    + " characters: text messages name it");
        }
        return new City(base.code(), cityName, or(shortName, base.shortName()),
                cityEnglishName, or(province, base.province()), or(siteTitle, base.siteTitle()),
                regionPrefixes == null || regionPrefixes.isEmpty() ? base.regionPrefixes() : regionPrefixes,
                districts == null || districts.isEmpty() ? base.districts() : districts,
                policies == null || policies.isEmpty() ? base.policies() : policies, office,
                or(creditOfficeEn, City.defaultCreditOfficeEnglish(cityName, cityEnglishName)).strip());
    }

    private static String or(String override, String preset) {
        return override == null || override.isBlank() ? preset : override;
    }
}
