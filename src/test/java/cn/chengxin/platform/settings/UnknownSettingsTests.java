package cn.chengxin.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Gaps review xliv Y11: a setting this release does not read is named at start, never silently ignored. */
@ExtendWith(OutputCaptureExtension.class)
class UnknownSettingsTests {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(chengxin\\.[^:}]+|CHENGXIN_[A-Z0-9_]+)");
    private static final Pattern DOTTED_LITERAL = Pattern.compile("\"(chengxin\\.[a-z0-9.\\-]*[a-z0-9])\"");
    private static final Pattern VARIABLE_LITERAL = Pattern.compile("\"(CHENGXIN_[A-Z0-9_]+)\"");
    /** Literals of the {@code chengxin.} form that name something else than a setting: session attributes. */
    private static final Set<String> NOT_SETTINGS = Set.of("chengxin.password.must-change",
            "chengxin.totp.pending-secret");

    @ConfigurationProperties("chengxin.sample")
    record Sample(String shortName, Duration window, Map<String, String> partnerFormats, List<Item> partners,
                  Nested nested) {
        record Item(String code) {
        }

        record Nested(Integer days) {
        }
    }

    private static SettingNames sample() {
        List<String> settings = new ArrayList<>(List.of("chengxin.account.dormant-after", "CHENGXIN_PORT"));
        List<String> branches = new ArrayList<>();
        UnknownSettings.describe("chengxin.sample", Sample.class, settings, branches);
        return new SettingNames(settings, branches);
    }

    @Test
    void matchesTheRelaxedFormsOfAName() {
        SettingNames known = sample();
        assertThat(Stream.of("chengxin.sample.short-name", "chengxin.sample.shortName", "chengxin.sample.short_name",
                "CHENGXIN_SAMPLE_SHORTNAME", "CHENGXIN_SAMPLE_SHORT_NAME", "chengxin_sample_short_name",
                "chengxin.account.dormant-after", "CHENGXIN_ACCOUNT_DORMANT_AFTER", "CHENGXIN_ACCOUNT_DORMANTAFTER",
                "chengxin.sample.nested.days", "CHENGXIN_SAMPLE_NESTED_DAYS", "CHENGXIN_PORT", "chengxin_port"))
                .allMatch(known::knows);
    }

    @Test
    void takesAnyNameBelowAMapOrAList() {
        SettingNames known = sample();
        assertThat(Stream.of("chengxin.sample.partner-formats.nation", "chengxin.sample.partner-formats[nation]",
                "CHENGXIN_SAMPLE_PARTNERFORMATS_NATION", "CHENGXIN_SAMPLE_PARTNER_FORMATS_NATION",
                "chengxin.sample.partners[0].code", "chengxin.sample.partners[0]", "CHENGXIN_SAMPLE_PARTNERS_0_CODE",
                "chengxin.sample.partners", "CHENGXIN_SAMPLE_PARTNER_FORMATS"))
                .allMatch(known::knows);
    }

    @Test
    void refusesARenamedRemovedOrMistypedName() {
        SettingNames known = sample();
        assertThat(Stream.of("chengxin.sample.short-names", "chengxin.sample.window-length", "CHENGXIN_SAMPLE_WINDOWS",
                "chengxin.sample.nested", "chengxin.sample.nested.day", "CHENGXIN_SAMPLE_NESTED_DAY",
                "chengxin.sample.partnerformat.nation", "chengxin.account.dormant", "CHENGXIN_ACCOUNT_DORMANT",
                "chengxin.creditfile.reactions-window", "CHENGXIN_PORTS", "chengxin.port.number",
                "chengxin.sample.partnersx", "CHENGXIN_SAMPLE_PARTNERSX_0"))
                .noneMatch(known::knows);
    }

    @Test
    void looksOnlyAtThePlatformsNames() {
        assertThat(Stream.of("chengxin.x", "CHENGXIN_X", "Chengxin.X")).allMatch(SettingNames::isPlatforms);
        assertThat(Stream.of("spring.flyway.enabled", "PATH", "CHENGXINX", "server.port", "chengxin"))
                .noneMatch(SettingNames::isPlatforms);
        PropertySource<?> env = new SystemEnvironmentPropertySource("env",
                Map.of("PATH", "/bin", "CHENGXIN_SAMPLE_WINDOW", "1m", "CHENGXIN_SAMPLE_WINDOWS", "1m"));
        PropertySource<?> yml = new MapPropertySource("yml",
                Map.of("spring.main.banner-mode", "off", "chengxin.sample.windw", "1m",
                        "chengxin.sample.window", "1m"));
        assertThat(UnknownSettings.unknown(sample(), List.of(env, yml)))
                .containsExactly("CHENGXIN_SAMPLE_WINDOWS", "chengxin.sample.windw");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Sample.class)
    @Import(UnknownSettings.class)
    static class SampleStart {
    }

    @Test
    void aStartWithAnUnknownSettingWarnsByNameWithoutItsValue(CapturedOutput output) {
        SpringApplicationBuilder start = new SpringApplicationBuilder(SampleStart.class)
                .web(WebApplicationType.NONE).profiles("test")
                .properties("spring.config.name=unknown-settings-tests", "chengxin.sample.short-name=甲",
                        "chengxin.creditfile.reactions-window=secret-value-1")
                .initializers(context -> context.getEnvironment().getPropertySources().addLast(
                        new SystemEnvironmentPropertySource("test-"
                                + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("CHENGXIN_SAMPLE_WINDOW", "5m", "CHENGXIN_SAMPLE_WINDW", "secret-value-2"))));
        try (ConfigurableApplicationContext context = start.run("--chengxin.sample.nested.dayz=secret-value-3")) {
            assertThat(context.getBean(UnknownSettings.class).unknown()).containsExactly("CHENGXIN_SAMPLE_WINDW",
                    "chengxin.creditfile.reactions-window", "chengxin.sample.nested.dayz");
            assertThat(context.getBean(Sample.class).window()).isEqualTo(Duration.ofMinutes(5));
        }
        assertThat(output.getOut()).containsOnlyOnce("Settings this release does not read")
                .contains("CHENGXIN_SAMPLE_WINDW, chengxin.creditfile.reactions-window, chengxin.sample.nested.dayz")
                .doesNotContain("secret-value");
    }

    /** Every name the sources read one by one is listed, and every listed name is still read. */
    @Test
    void theListOfNamesReadOneByOneIsTheSources() throws IOException {
        Set<String> read = new TreeSet<>();
        Set<String> prefixes = configurationPrefixes().keySet();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".yml"))
                    .toList()) {
                for (String line : Files.readAllLines(file)) {
                    collect(PLACEHOLDER, line, read);
                    if (file.toString().endsWith(".java") && !line.contains("builder(")) {
                        collect(VARIABLE_LITERAL, line, read);
                        Set<String> literals = new TreeSet<>();
                        collect(DOTTED_LITERAL, line, literals);
                        literals.stream().filter(l -> !NOT_SETTINGS.contains(l) && !prefixes.contains(l)
                                && !l.equals("chengxin.exchange.kafka.properties")).forEach(read::add);
                    }
                }
            }
        }
        Set<String> listed = new TreeSet<>(UnknownSettings.readByName());
        assertThat(new TreeSet<>(read)).as("""
                names read one by one (@Value, ${…} placeholders, @ConditionalOnProperty, Environment \
                look-ups) must be listed in src/main/resources/cn/chengxin/platform/settings/read-by-name.txt, so \
                that an operator who sets them is not told they are unknown; a name no longer read is removed from \
                it (and the release notes say it was removed)""").isEqualTo(listed);
    }

    /** The platform's own configuration names nothing it does not read (a key left behind by a rename). */
    @Test
    void theShippedConfigurationHasNoUnknownSetting() {
        List<String> settings = new ArrayList<>(UnknownSettings.readByName());
        List<String> branches = new ArrayList<>();
        configurationPrefixes().forEach((prefix, type) -> UnknownSettings.describe(prefix, type, settings, branches));
        SettingNames known = new SettingNames(settings, branches);
        List<PropertySource<?>> sources = new ArrayList<>();
        for (String file : List.of("application.yml", "application-dev.yml", "application-prod.yml",
                "application-test.yml")) {
            try {
                sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(sources)
                .allMatch(s -> s instanceof EnumerablePropertySource<?> e && e.getPropertyNames().length > 0);
        assertThat(UnknownSettings.unknown(known, sources)).isEmpty();
        assertThat(known.knows("chengxin.exchange.partner-formats.nation")).isTrue();
        assertThat(known.knows("CHENGXIN_REPAIR_DEADLINES_FEEDBACK_DAYS")).isTrue();
        assertThat(known.knows("chengxin.repair.deadlines.feedback-day")).isFalse();
    }

    private static Map<String, Class<?>> configurationPrefixes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, Class<?>> prefixes = new java.util.TreeMap<>();
        scanner.findCandidateComponents("cn.chengxin").forEach(candidate -> {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.getName().startsWith("cn.chengxin.platform.settings.")) {
                    return;
                }
                ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                prefixes.put(annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix(), type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(prefixes).containsKeys("chengxin.city", "chengxin.exchange", "chengxin.repair");
        return prefixes;
    }

    private static void collect(Pattern pattern, String line, Set<String> into) {
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
