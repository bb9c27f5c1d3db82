package cn.chengxin.platform.database;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import cn.chengxin.ChengxinApplication;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.Checkpoints;
import cn.chengxin.support.App;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Gaps review xliv: a city installing the next release, on a database of its own (never the shared test database).
 * The {@code migrate} command applies every migration and says how many (Y7); an instance started after it finds
 * nothing to apply; Flyway's connections give up a lock they cannot get (Y8); a start on a schema a newer release
 * migrated is refused unless allowed (Y3 (a)); and an instance is ready at once, the events its predecessor left
 * unsigned signed when it is ready (Y12).
 */
@ExtendWith(OutputCaptureExtension.class)
class UpgradeStartIT {

    private static final Path DIR = Path.of("target", "it-upgrade").toAbsolutePath();
    /** The scheduled checkpoint never runs during the test: only the one at start signs. */
    private static final String NO_SCHEDULED_CHECKPOINT = "--chengxin.audit.checkpoint-interval=1h";

    @Test
    void migrateThenStartRefusingANewerSchemaUnlessAllowedAndSigningAtOnce(CapturedOutput output) throws Exception {
        FileSystemUtils.deleteRecursively(DIR);

        List<String> migrate = new ArrayList<>(List.of("migrate"));
        migrate.addAll(List.of(App.arguments(DIR, "--spring.profiles.active=test", NO_SCHEDULED_CHECKPOINT)));
        int exit = SpringApplication.exit(ChengxinApplication.command(migrate.toArray(String[]::new)));
        assertThat(exit).isZero();
        assertThat(output).containsPattern("migrate: [1-9][0-9]{2,} migrations applied in [0-9.]+ s; schema version "
                + "[0-9.]+ \\(was empty\\)");

        long applied;
        long recorded;
        try (ConfigurableApplicationContext app = App.start(DIR, "test", NO_SCHEDULED_CHECKPOINT,
                "--chengxin.db.migration-lock-timeout=1s")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            applied = jdbc.sql("SELECT count(*) FROM flyway_schema_history").query(Long.class).single();
            assertThat(app.getBean(RecordedMigrations.class).last()).as("the start after migrate")
                    .hasValueSatisfying(run -> assertThat(run.applied()).isZero());

            aMigrationGivesUpALockItCannotGet(app);

            recorded = app.getBean(AuditLog.class)
                    .record(AuditEntry.of(AuditCategory.PROCESSING, "test.upgrade-start"));
            jdbc.sql("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) SELECT max(installed_rank) + 1, '9999', "
                    + "'from a newer release', 'SQL', 'V9999__from_a_newer_release.sql', 0, current_user, 1, true "
                    + "FROM flyway_schema_history").update();
        }

        // migrate of an older release on it: refused, and the command exits non-zero saying so (README 升级 step 3).
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(ChengxinApplication.runCommand(new PrintStream(err, true, StandardCharsets.UTF_8),
                migrate.toArray(String[]::new))).as("migrate's exit code on a newer schema").isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("migrate: failed (")
                .contains("the schema stays at the last migration that succeeded");
        assertThat(output).contains("schema is at version 9999, newer than this release's latest migration");

        assertThatThrownBy(() -> App.start(DIR, "test", NO_SCHEDULED_CHECKPOINT)).as("an older release's start")
                .rootCause()
                .hasMessageContaining("schema is at version 9999, newer than this release's latest migration")
                .hasMessageContaining(NewerSchemaRefusal.ALLOW + "=true");

        try (ConfigurableApplicationContext app = App.start(DIR, "test", NO_SCHEDULED_CHECKPOINT,
                "--" + NewerSchemaRefusal.ALLOW + "=true")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history").query(Long.class).single())
                    .as("nothing applied").isEqualTo(applied + 1);
            // The previous instance's last event, left unsigned at its stop, is covered when the start is done.
            assertThat(app.getBean(Checkpoints.class).latest()).as("signed as soon as the start is done")
                    .hasValueSatisfying(c -> assertThat(c.treeSize()).isGreaterThan(recorded));
            assertThat(app.getBean(HealthEndpoint.class).healthForPath("readiness", "auditCheckpoint").getStatus())
                    .isEqualTo(Status.UP);
        }
        assertThat(output).contains("started only because " + NewerSchemaRefusal.ALLOW + "=true");
    }

    /**
     * Y8: a migration needing a lock another session holds (a report, a {@code pg_dump}) fails after the migration
     * lock timeout, naming it, instead of waiting for ever; here 1 s, the connection of the migrating instance's own
     * Flyway settings ({@link MigrationsWithoutTimeouts} as Boot applies it).
     */
    private static void aMigrationGivesUpALockItCannotGet(ConfigurableApplicationContext app) throws Exception {
        DataSource dataSource = app.getBean(DataSource.class);
        JdbcClient.create(dataSource).sql("CREATE SCHEMA lock_held; CREATE TABLE lock_held.held (id int)").update();
        try (Connection report = dataSource.getConnection()) {
            report.setAutoCommit(false);
            try (Statement statement = report.createStatement()) {
                statement.execute("LOCK TABLE lock_held.held IN ACCESS SHARE MODE");
            }
            FluentConfiguration flyway = Flyway.configure().dataSource(dataSource).schemas("lock_probe")
                    .table("lock_probe_history").locations("classpath:lock-probe");
            app.getBean(MigrationsWithoutTimeouts.class).customize(flyway);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> flyway.load().migrate())
                    .hasStackTraceContaining("lock timeout"));
            report.rollback();
        }
    }
}
