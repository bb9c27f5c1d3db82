package cn.chengxin.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The city this platform serves: everything city-specific is configuration (RULES.md; the five seed
 * plans each name their own city). {@code districts} maps the GB/T 2260 codes of the city's districts
 * and counties to their names; {@code regionPrefixes} are the code prefixes that make a resident local.
 *
 * @param code        short machine name of the preset, e.g. {@code zhumadian}
 * @param name        full Chinese name, e.g. 驻马店市
 * @param shortName   e.g. 驻马店
 * @param englishName e.g. Zhumadian
 * @param province    the province, e.g. 河南省
 * @param siteTitle   title of the public site, e.g. 信用驻马店
 * @param policies    the city's own policy documents the platform implements (its plan), shown on 政策法规 after
 *                    the national ones (gaps review xliii X5: never another city's)
 */
public record City(String code, String name, String shortName, String englishName, String province,
                   String siteTitle, List<String> regionPrefixes, Map<String, String> districts,
                   List<Policy> policies) {

    public City {
        regionPrefixes = List.copyOf(regionPrefixes);
        policies = List.copyOf(policies);
        // In the order given, as every list of districts shows them. Map.copyOf would iterate in an order that
        // changes from one JVM to the next: the synthetic population drawn from the same seed then put its
        // residents in other districts after a restart, and their identity numbers differed.
        districts = Collections.unmodifiableMap(new LinkedHashMap<>(districts));
    }

    /** A policy document: its number (文号, "—" for none), title and issuer. */
    public record Policy(String number, String title, String issuer) {
    }

    public boolean isLocal(String regionCode) {
        return regionPrefixes.stream().anyMatch(regionCode::startsWith);
    }

    public String districtName(String regionCode) {
        return districts.getOrDefault(regionCode, "");
    }

    public String englishSiteTitle() {
        return "Credit " + englishName;
    }

    /** The site's title in the reader's language: an English page names the city in English throughout. */
    public String siteTitleIn(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? englishSiteTitle() : siteTitle;
    }

    /** The city's name in the reader's language (驻马店市, Zhumadian). */
    public String nameIn(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? englishName : name;
    }
}
