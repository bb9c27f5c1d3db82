package cn.chengxin.platform.settings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Settings an operator set that this release does not read (gaps review xliv Y11): a key renamed or removed by an
 * upgrade ({@code chengxin.creditfile.reactions-window}, removed in 74988f25), or mistyped
 * ({@code CHENGXIN_CITY_PROVINC}), would otherwise be ignored without a word and its default apply. At start, every
 * {@code chengxin.*} or {@code CHENGXIN_*} name in the environment's property sources ({@code application*.yml}, the
 * environment variables, system properties, the command line) that no setting of this release matches is named in
 * one WARN line — names only: a value may be a secret. 后台作业 shows them beside the release.
 *
 * <p>What this release reads is known two ways: the {@code @ConfigurationProperties} records, walked component by
 * component (a map or a list takes any name below it), and {@code read-by-name.txt} beside this class, the names read
 * one by one ({@code @Value} and other placeholders, {@code @ConditionalOnProperty}, {@code Environment} look-ups,
 * environment variables named in {@code application.yml}). {@code UnknownSettingsTests} fails when the sources read
 * a name the list lacks, or the list keeps one nothing reads.
 */
@Component
public class UnknownSettings {

    private static final Logger log = LoggerFactory.getLogger(UnknownSettings.class);
    static final String READ_BY_NAME = "read-by-name.txt";

    private final List<String> unknown;

    UnknownSettings(ApplicationContext context, ConfigurableEnvironment environment) {
        List<String> settings = new ArrayList<>(readByName());
        List<String> branches = new ArrayList<>();
        ConfigurationPropertiesBean.getAll(context).values().forEach(bean -> describe(bean.getAnnotation().prefix(),
                bean.asBindTarget().getType().resolve(Object.class), settings, branches));
        this.unknown = unknown(new SettingNames(settings, branches), environment.getPropertySources());
    }

    /** Names set but not read by this release, sorted, without their values. */
    public List<String> unknown() {
        return unknown;
    }

    @EventListener(ApplicationStartedEvent.class)
    void report() {
        if (!unknown.isEmpty()) {
            log.warn("Settings this release does not read (renamed or removed by an upgrade, or mistyped; their "
                    + "defaults apply — see README 升级): {}", String.join(", ", unknown));
        }
    }

    static List<String> unknown(SettingNames known, Iterable<PropertySource<?>> sources) {
        TreeSet<String> names = new TreeSet<>();
        for (PropertySource<?> source : sources) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (SettingNames.isPlatforms(name) && !known.knows(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * The settings of a {@code @ConfigurationProperties} type under its prefix: a record's components, a nested
     * record's in turn; a map, a collection or an array is a branch (its keys and items are the operator's), and so
     * is a type this walk does not take apart.
     */
    static void describe(String prefix, Class<?> type, Collection<String> settings, Collection<String> branches) {
        if (!type.isRecord()) {
            branches.add(prefix);
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + DataObjectPropertyName.toDashedForm(component.getName());
            Class<?> componentType = component.getType();
            if (Map.class.isAssignableFrom(componentType) || Collection.class.isAssignableFrom(componentType)
                    || componentType.isArray()) {
                branches.add(name);
            } else if (componentType.isRecord()) {
                describe(name, componentType, settings, branches);
            } else {
                settings.add(name);
            }
        }
    }

    static List<String> readByName() {
        try (InputStream in = UnknownSettings.class.getResourceAsStream(READ_BY_NAME)) {
            if (in == null) {
                throw new IllegalStateException(READ_BY_NAME + " is missing beside " + UnknownSettings.class);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
