package cn.chengxin.support;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own on the tests' server, for an upgrade test: migrated to an old version, filled as the code of
 * that time left it, then migrated to the current schema. {@link #drop} removes it.
 */
public final class UpgradedDatabase {

    private final JdbcClient admin;
    private final String name = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
    private final DriverManagerDataSource dataSource;

    private final DataSource server;

    private UpgradedDatabase(DataSource server, String template) {
        HikariDataSource main = (HikariDataSource) server;
        this.server = server;
        admin = JdbcClient.create(server);
        admin.sql("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template)).update();
        dataSource = new DriverManagerDataSource(main.getJdbcUrl().replace("/postgres", "/" + name),
                main.getUsername(), main.getPassword());
    }

    /** A new, empty database on the server of {@code server} (the application's data source). */
    public static UpgradedDatabase create(DataSource server) {
        return new UpgradedDatabase(server, null);
    }

    /**
     * A new database on the same server holding what this one holds now ({@code CREATE DATABASE … TEMPLATE}): a class
     * whose tests each start from the same old version migrates one database to it once and gives each test a copy,
     * instead of migrating each test's own from nothing. Nothing may be connected to this one meanwhile (its data
     * source opens a connection per use and closes it).
     */
    public UpgradedDatabase copy() {
        return new UpgradedDatabase(server, name);
    }

    /** The application's SQL migrations on this database; add Java ones and a target as the test needs. */
    public FluentConfiguration flyway() {
        // As the application (application.yml): a migration built CONCURRENTLY would wait for ever on a
        // transactional lock (N10).
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false"))
                // As application.yml names the roles V376 grants to (N12).
                .placeholders(java.util.Map.of("runtime_role", "chengxin_app", "readonly_role", "chengxin_readonly"));
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public void drop() {
        admin.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
    }
}
