package cn.chengxin.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * Migrations run without the pool's statement timeout (gaps review xxxiii N12): an index built on the largest tables
 * takes longer than any request may. When Flyway would use the pool itself (no {@code SPRING_FLYWAY_USER}: dev,
 * tests, a platform run as the owner), it gets its own connections to the same database as the same user, so that no
 * pool connection ever loses its limits by a migration's {@code SET}. Boot builds a pool of its own for a separate
 * migration user, without the init SQL: that one is left as it is.
 *
 * <p>A wait for a lock is bounded, though (gaps review xliv Y8): {@code chengxin.db.migration-lock-timeout} (10 s
 * by default, {@code 0} for none) on every connection Flyway opens. An {@code ALTER TABLE} behind a session that
 * was left open — a read-only role's report, a {@code pg_dump} holding {@code ACCESS SHARE} on every table for the
 * whole dump, an old instance not stopped — would otherwise wait for ever, and every later statement on that table
 * would queue behind its waiting lock. Ten seconds outlast any transaction of the platform's own (none waits on a
 * person or a partner) and an autovacuum, which gives way to the migration's lock; the failure then names a lock
 * timeout and README 升级 step 5 shows who holds the lock. Flyway's own lock is unaffected: with a session-level
 * advisory lock it polls {@code pg_try_advisory_lock}, it does not wait in the server.
 */
@Component
class MigrationsWithoutTimeouts implements FlywayConfigurationCustomizer {

    private final String lockTimeout;

    MigrationsWithoutTimeouts(@Value("${chengxin.db.migration-lock-timeout:10s}") String lockTimeout) {
        this.lockTimeout = lockTimeout.trim();
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource used = configuration.getDataSource();
        if (used instanceof HikariDataSource pool && pool.getConnectionInitSql() != null) {
            DriverManagerDataSource own = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(),
                    pool.getPassword());
            own.setConnectionProperties(pool.getDataSourceProperties());
            configuration.dataSource(own);
        }
        String existing = configuration.getInitSql();
        String bounded = "SELECT set_config('lock_timeout', '" + lockTimeout.replace("'", "''") + "', false)";
        configuration.initSql(existing == null || existing.isBlank() ? bounded : existing + ";\n" + bounded);
    }
}
