package cn.chengxin.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * Migrations run without the pool's statement and lock timeouts (gaps review xxxiii N12): an index built on the
 * largest tables takes longer than any request may, and a migration that waits for a lock must not fail the start
 * half-way. When Flyway would use the pool itself (no {@code SPRING_FLYWAY_USER}: dev, tests, a platform run as the
 * owner), it gets its own connections to the same database as the same user, so that no pool connection ever loses
 * its limits by a migration's {@code SET}. Boot builds a pool of its own for a separate migration user, without the
 * init SQL: that one is left as it is.
 */
@Component
class MigrationsWithoutTimeouts implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource used = configuration.getDataSource();
        if (used instanceof HikariDataSource pool && pool.getConnectionInitSql() != null) {
            DriverManagerDataSource own = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(),
                    pool.getPassword());
            own.setConnectionProperties(pool.getDataSourceProperties());
            configuration.dataSource(own);
        }
    }
}
