package cn.chengxin.platform.database;

import java.time.Duration;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Flyway's migration at start, as Boot runs it, with what it did kept: how many migrations it applied, from which
 * schema version to which, and how long it took, for the {@code migrate} command (gaps review xliv Y7) to report.
 */
@Component
class RecordedMigrations implements FlywayMigrationStrategy {

    /** One run of Flyway: {@code from} and {@code to} are the schema's versions before and after (null if none). */
    record Run(int applied, String from, String to, Duration took) {
    }

    private volatile Run last;

    @Override
    public void migrate(Flyway flyway) {
        long start = System.nanoTime();
        MigrateResult result = flyway.migrate();
        last = new Run(result.migrationsExecuted, result.initialSchemaVersion, result.targetSchemaVersion,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The run at this start; empty when Flyway did not run ({@code spring.flyway.enabled=false}). */
    Optional<Run> last() {
        return Optional.ofNullable(last);
    }
}
