package cn.chengxin.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * An older release does not start on a newer release's schema (gaps review xliv Y3, the lead's decision (a)). Flyway
 * only warns ({@code ignoreMigrationPatterns} {@code *:future}), and nothing keeps a release's migrations readable by
 * the one before: columns were renamed and dropped, new enumeration values meet the old {@code valueOf}. A forgotten
 * or automatically restarted old instance would otherwise join the cluster silently. The start is refused when the
 * latest successful migration in {@code flyway_schema_history} is above the latest this jar carries, unless
 * {@code chengxin.upgrade.allow-newer-schema=true}: the rollback README 升级 step 7 describes, chosen by the office
 * for one start and not left set. Checked whether or not this instance migrates ({@code SPRING_FLYWAY_ENABLED=false}
 * too), the history read by {@link SchemaVersion}.
 */
@Component
class NewerSchemaRefusal implements InitializingBean {

    static final String ALLOW = "chengxin.upgrade.allow-newer-schema";

    private static final Logger log = LoggerFactory.getLogger(NewerSchemaRefusal.class);
    /** A versioned SQL migration's name, as Flyway reads it: {@code V<version>__<description>.sql}. */
    private static final Pattern VERSIONED = Pattern.compile("^V([0-9][0-9._]*)__.*\\.sql$");

    private final SchemaVersion schema;
    private final Environment environment;
    private final ObjectProvider<JavaMigration> javaMigrations;
    private final boolean allowed;

    NewerSchemaRefusal(SchemaVersion schema, Environment environment, ObjectProvider<JavaMigration> javaMigrations,
                       @Value("${" + ALLOW + ":false}") boolean allowed) {
        this.schema = schema;
        this.environment = environment;
        this.javaMigrations = javaMigrations;
        this.allowed = allowed;
    }

    @Override
    public void afterPropertiesSet() {
        Optional<MigrationVersion> current = schema.current();
        MigrationVersion known = latestKnown();
        if (current.isEmpty() || current.get().compareTo(known) <= 0) {
            return;
        }
        if (allowed) {
            log.warn("The database schema is at version {}, newer than this release's latest migration {}: started "
                    + "only because {}=true (a rollback, README 升级 step 7); remove it once the release matching "
                    + "the schema runs again", current.get(), known, ALLOW);
            return;
        }
        throw new IllegalStateException(("The database schema is at version %s, newer than this release's latest "
                + "migration %s: a newer release migrated this database. Start the release that matches the schema; "
                + "to run this older release on it anyway (the rollback of README 升级 step 7), start it once with "
                + "%s=true").formatted(current.get(), known, ALLOW));
    }

    /** The latest versioned migration this jar carries: the SQL scripts under Flyway's locations and the Java ones. */
    MigrationVersion latestKnown() {
        String[] locations = environment.getProperty("spring.flyway.locations", String[].class,
                new String[] {"classpath:db/migration"});
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Stream<MigrationVersion> scripts = Arrays.stream(locations)
                .filter(l -> l.startsWith("classpath:"))
                .flatMap(l -> {
                    try {
                        return Arrays.stream(resolver.getResources(
                                "classpath*:" + l.substring("classpath:".length()) + "/**/V*__*.sql"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .map(Resource::getFilename)
                .map(name -> name == null ? null : VERSIONED.matcher(name))
                .filter(m -> m != null && m.matches())
                .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')));
        Stream<MigrationVersion> java = javaMigrations.orderedStream().map(JavaMigration::getVersion)
                .filter(v -> v != null);
        return Stream.concat(scripts, java).max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
    }
}
