package cn.chengxin.platform.database;

import java.util.Comparator;
import java.util.Optional;

import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The database schema's version: the latest successful versioned migration in Flyway's history table, read with the
 * platform's own connection (the runtime role may read the table, V376). For the start's refusal of a newer schema
 * ({@link NewerSchemaRefusal}) and for the office, beside the release (后台作业, gaps review xliv Y6).
 */
@Component
public class SchemaVersion {

    private final JdbcClient jdbc;
    private final String table;

    SchemaVersion(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.table = environment.getProperty("spring.flyway.table", "flyway_schema_history");
    }

    /** The latest successful versioned migration; empty before the first one. */
    public Optional<MigrationVersion> current() {
        boolean exists = jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(table).query(Boolean.class).single();
        if (!exists) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT version FROM " + table + " WHERE success AND version IS NOT NULL")
                .query(String.class).list().stream().map(MigrationVersion::fromVersion)
                .max(Comparator.naturalOrder());
    }
}
