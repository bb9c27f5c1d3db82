package cn.chengxin.platform;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Keeps the {@link DevelopmentSwitches development switches} to the {@code dev} and {@code test} profiles, before a
 * bean is made ({@code META-INF/spring.factories}; runs after the configuration files are read, so the settings are
 * checked as they finally stand, whether a file, a variable or an argument set them). A start in any other profile, or
 * in none (a forgotten, misspelt or city-named profile), or in {@code prod} beside {@code dev}, is refused while one
 * is on: the defaults are safe and only the demo turns doors on (RULES.md §10 least privilege; GB/T 22239-2019
 * 8.1.4.2 no default accounts or passwords; gaps review xxvii I3, xxxi M1). The demo itself keeps its logins, codes
 * and synthetic real-name check to a database on its own machine, and says at every start that it is the demo.
 * Outside {@code dev} and {@code test} the platform's public address must be set too, and not to this machine: the
 * reports it issues carry it, and cannot be corrected once issued (gaps review xl U1); and the privacy rules' contact
 * and person in charge must be named, which the law asks to be published (PIPL Art. 50, 52; gaps review xlvi AA6).
 */
class ProductionGuard implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "prod";

    private static final Profiles DEVELOPMENT = Profiles.of("dev | test");

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final Log log;

    ProductionGuard(DeferredLogFactory logs) {
        this.log = logs.getLog(ProductionGuard.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<DevelopmentSwitches.Switch> on = DevelopmentSwitches.on(environment::getProperty);
        String profiles = environment.getActiveProfiles().length == 0 ? "none"
                : String.join(",", environment.getActiveProfiles());
        boolean development = !environment.acceptsProfiles(Profiles.of(PROFILE))
                && environment.acceptsProfiles(DEVELOPMENT);
        if (!on.isEmpty() && !development) {
            throw new IllegalStateException("Refusing to start with development settings on outside the dev and "
                    + "test profiles (active profiles: " + profiles + "): " + names(on) + ". Turn them off (unset "
                    + "the variables); for the demo, start with SPRING_PROFILES_ACTIVE=dev.");
        }
        if (!development) {
            PublicAddress.refusal(environment.getProperty(PublicAddress.PROPERTY)).ifPresent(why -> {
                throw new IllegalStateException("Refusing to start outside the dev and test profiles (active "
                        + "profiles: " + profiles + ") with " + PublicAddress.PROPERTY + " (" + PublicAddress.VARIABLE
                        + ") " + why + ": every report's QR code and verification link carries this address, sealed "
                        + "into the report, and the API document's servers name it. Set " + PublicAddress.VARIABLE
                        + " to the platform's public address, e.g. https://credit.example.gov.cn.");
            });
            List<PrivacyContacts.Setting> unset = PrivacyContacts.unset(environment::getProperty);
            if (!unset.isEmpty()) {
                throw new IllegalStateException("Refusing to start outside the dev and test profiles (active "
                        + "profiles: " + profiles + ") with " + unset.stream().map(PrivacyContacts.Setting::toString)
                        .collect(Collectors.joining(" and ")) + " unset: the personal information rules (/privacy) "
                        + "publish the contact that receives people's requests and complaints and the person in "
                        + "charge of personal information protection (PIPL Art. 50, 52). Set them, e.g. "
                        + "CHENGXIN_PRIVACY_CONTACT='0396-1234567, privacy@credit.example.gov.cn' and "
                        + "CHENGXIN_PRIVACY_PERSON_IN_CHARGE='Name, deputy director of the credit office'.");
            }
        }
        if (on.isEmpty()) {
            return;
        }
        String url = databaseUrl(environment);
        List<DevelopmentSwitches.Switch> opening = on.stream().filter(DevelopmentSwitches.Switch::opensTheData)
                .toList();
        if (!url.isBlank() && !onThisMachine(url) && !opening.isEmpty()) {
            throw new IllegalStateException("Refusing to start the demo (profiles: " + profiles + ") against the "
                    + "database on another machine, " + url.replaceAll("\\?.*", "") + ", with " + names(opening)
                    + ": they let anyone sign in or register. Production starts with SPRING_PROFILES_ACTIVE=prod.");
        }
        log.warn("DEVELOPMENT SETTINGS ON (profiles: " + profiles + "): " + names(on) + ". This instance is the "
                + "demo, with published staff passwords and keys, /dev/sms and a synthetic real-name check: never "
                + "give it real data. Production starts with SPRING_PROFILES_ACTIVE=prod.");
    }

    private static String names(List<DevelopmentSwitches.Switch> switches) {
        return switches.stream().map(DevelopmentSwitches.Switch::toString).collect(Collectors.joining(", "));
    }

    /** The external database's JDBC URL, or blank for the embedded server. */
    private static String databaseUrl(ConfigurableEnvironment environment) {
        String url = environment.getProperty("chengxin.db.url", "");
        return url.isBlank() ? environment.getProperty("spring.datasource.url", "") : url;
    }

    /**
     * Whether every host of a PostgreSQL JDBC URL is this machine by its text alone (no name is looked up):
     * {@code localhost}, {@code 127.x.x.x}, {@code ::1}, or no host at all. Any other URL counts as elsewhere.
     */
    static boolean onThisMachine(String jdbcUrl) {
        String prefix = "jdbc:postgresql:";
        String url = jdbcUrl.trim();
        if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        String rest = url.substring(prefix.length());
        if (!rest.startsWith("//")) {
            return true;
        }
        String authority = rest.substring(2).split("[/?]", 2)[0];
        for (String hostAndPort : authority.split(",", -1)) {
            String host = hostAndPort.startsWith("[") && hostAndPort.contains("]")
                    ? hostAndPort.substring(1, hostAndPort.indexOf(']'))
                    : hostAndPort.split(":", 2)[0];
            if (!(host.isEmpty() || loopback(host))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a host, by its text alone, is this machine: {@code localhost}, {@code 127.x.x.x} or {@code ::1}. */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || LOOPBACK_V4.matcher(h).matches() || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
