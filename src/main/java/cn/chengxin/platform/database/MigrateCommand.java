package cn.chengxin.platform.database;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code migrate}: applies the release's migrations and exits, printing how many were applied, from which schema
 * version to which and how long they took (gaps review xliv Y7, Y1's cheap part). README 升级 runs it once, with
 * every instance stopped, before any instance of the new release starts: the instances then find nothing to apply,
 * so several may start together without waiting on Flyway's lock, and the migrations' duration is known and
 * reported apart from the start's. Flyway runs as at any start (the schema owner, {@link MigrationsWithoutTimeouts},
 * {@link NewerSchemaRefusal}); {@code ChengxinApplication} turns it on even where instances run with
 * {@code SPRING_FLYWAY_ENABLED=false}. A migration that fails ends the command with Flyway's error and a non-zero exit code.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "migrate")
class MigrateCommand implements ApplicationRunner, ExitCodeGenerator {

    private final RecordedMigrations migrations;
    private int exitCode;

    MigrateCommand(RecordedMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void run(ApplicationArguments args) {
        migrations.last().ifPresentOrElse(run -> System.out.printf(
                "migrate: %d migrations applied in %.1f s; schema version %s (was %s)%n", run.applied(),
                run.took().toMillis() / 1000.0, run.to() == null ? run.from() : run.to(),
                run.from() == null ? "empty" : run.from()), () -> {
                    System.out.println("migrate: Flyway did not run (spring.flyway.enabled=false); nothing applied");
                    exitCode = 1;
                });
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
