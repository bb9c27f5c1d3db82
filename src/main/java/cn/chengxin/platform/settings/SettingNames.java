package cn.chengxin.platform.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The platform's settings by name, matched as Spring Boot's relaxed binding matches them (gaps review xliv Y11), so
 * that a name an operator set can be told known or not: {@code chengxin.city.short-name},
 * {@code chengxin.city.shortName}, {@code chengxin.city.short_name}, {@code CHENGXIN_CITY_SHORTNAME} and
 * {@code CHENGXIN_CITY_SHORT_NAME} are one setting. A <em>setting</em> is one value ({@code chengxin.db.lock-timeout});
 * a <em>branch</em> is itself a setting and takes any name below it: a map's keys
 * ({@code chengxin.exchange.partner-formats.<partner>}), a list's items ({@code …partners[0].code} or
 * {@code CHENGXIN_EXCHANGE_PARTNERS_0_CODE}). A name in an environment variable's form ({@code CHENGXIN_PORT}, read by
 * a placeholder in {@code application.yml}) is matched as such. Only {@code chengxin.*} and {@code CHENGXIN_*} names
 * are the platform's; any other is nobody's business here.
 */
public final class SettingNames {

    private static final String ENV_PREFIX = "CHENGXIN_";

    private final Set<String> settings = new HashSet<>();
    private final List<String> branches = new ArrayList<>();
    private final Set<String> variables = new HashSet<>();
    private final List<String> variableBranches = new ArrayList<>();

    /**
     * @param settings names of single values, dotted ({@code chengxin.db.lock-timeout}) or as environment variables
     *                 ({@code CHENGXIN_PORT})
     * @param branches dotted names under which any name is known (maps, lists)
     */
    public SettingNames(Collection<String> settings, Collection<String> branches) {
        for (String name : settings) {
            if (isVariableForm(name)) {
                variables.add(name.toUpperCase(Locale.ROOT));
            } else {
                this.settings.add(canonical(name));
                variables.addAll(variableForms(name));
            }
        }
        for (String name : branches) {
            this.branches.add(canonical(name));
            variableBranches.addAll(variableForms(name));
        }
    }

    /** Whether the name is the platform's ({@code chengxin.*}, {@code CHENGXIN_*}) at all. */
    public static boolean isPlatforms(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("CHENGXIN.") || upper.startsWith(ENV_PREFIX);
    }

    /** Whether a platform's name, in any of its relaxed forms, is a setting this release reads. */
    public boolean knows(String name) {
        if (isVariableForm(name)) {
            String upper = name.toUpperCase(Locale.ROOT);
            return variables.contains(upper)
                    || variableBranches.stream().anyMatch(branch -> within(upper, branch, '_'));
        }
        String canonical = canonical(name);
        return settings.contains(canonical) || branches.stream().anyMatch(branch -> within(canonical, branch, '.'));
    }

    /** The branch itself (a list given whole: {@code upward-items: A,B}) or a name below it. */
    private static boolean within(String name, String branch, char separator) {
        return name.startsWith(branch)
                && (name.length() == branch.length() || name.charAt(branch.length()) == separator);
    }

    private static boolean isVariableForm(String name) {
        return name.indexOf('.') < 0 && name.indexOf('[') < 0;
    }

    /**
     * Lower case, dashes and underscores dropped within an element, an index ({@code [0]}, {@code [ssl.x]}) an
     * element of its own: {@code chengxin.exchange.partners[0].publicKey} →
     * {@code chengxin.exchange.partners.0.publickey}.
     */
    static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '[') {
                int end = name.indexOf(']', i);
                end = end < 0 ? name.length() : end;
                if (!out.isEmpty() && out.charAt(out.length() - 1) != '.') {
                    out.append('.');
                }
                out.append(name.substring(i + 1, end).toLowerCase(Locale.ROOT));
                i = end + 1;
                continue;
            }
            if (c != '-' && c != '_') {
                out.append(Character.toLowerCase(c));
            }
            i++;
        }
        return out.toString();
    }

    /**
     * The two environment variables Spring Boot reads for a dotted name: dashes dropped
     * ({@code CHENGXIN_CITY_SHORTNAME}) and dashes as underscores ({@code CHENGXIN_CITY_SHORT_NAME}, the form
     * {@code @Value} placeholders are resolved with).
     */
    static Set<String> variableForms(String dotted) {
        String upper = dotted.toUpperCase(Locale.ROOT).replace('.', '_').replace("[", "_").replace("]", "");
        return new HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }
}
