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
 * @param creditOffice        the credit office's name as a person reads it in a report or a text message, e.g.
 *                            驻马店市信用办 or 市发展改革委（市信用办） (gaps review xliii X5)
 * @param creditOfficeEnglish its English name, e.g. Zhumadian Municipal Credit Office
 */
public record City(String code, String name, String shortName, String englishName, String province,
                   String siteTitle, List<String> regionPrefixes, Map<String, String> districts,
                   List<Policy> policies, String creditOffice, String creditOfficeEnglish) {

    /** The credit office's name before a city named it (reports stored with it still read and translate as before). */
    public static final String GENERIC_CREDIT_OFFICE = "市信用办";

    /** A city whose credit office is named after it ({@link #defaultCreditOffice}). */
    public City(String code, String name, String shortName, String englishName, String province, String siteTitle,
                List<String> regionPrefixes, Map<String, String> districts, List<Policy> policies) {
        this(code, name, shortName, englishName, province, siteTitle, regionPrefixes, districts, policies,
                defaultCreditOffice(name), defaultCreditOfficeEnglish(name, englishName));
    }

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

    /** 驻马店市信用办, 灵寿县信用办: the city's name and 信用办. */
    static String defaultCreditOffice(String name) {
        return name + "信用办";
    }

    /** Zhumadian Municipal Credit Office, Lingshou County Credit Office. */
    static String defaultCreditOfficeEnglish(String name, String englishName) {
        return englishName + (name.endsWith("县") ? " County" : " Municipal") + " Credit Office";
    }

    /** The credit office's name in the reader's language. */
    public String creditOfficeIn(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? creditOfficeEnglish : creditOffice;
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
