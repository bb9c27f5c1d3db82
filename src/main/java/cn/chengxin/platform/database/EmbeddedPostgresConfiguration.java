package cn.chengxin.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * Runs PostgreSQL 17 inside the application so that {@code ./mvnw spring-boot:run} needs no installed
 * database. The data directory is kept across restarts and, unless told otherwise, durable: the library
 * starts the server with fsync off, which would lose committed records on a crash (STACK-NOTES trap 2).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresCondition.class)
@EnableConfigurationProperties(DatabaseProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * The data directory, claimed for this JVM before its server starts and released after it stopped (a bean of
     * its own, so that Spring closes it after the server that depends on it).
     */
    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(DatabaseProperties properties) throws IOException {
        if (Boolean.FALSE.equals(properties.embeddedAllowed())) {
            throw new IllegalStateException("The embedded PostgreSQL is not allowed outside the dev and test "
                    + "profiles: set CHENGXIN_DB_URL, CHENGXIN_DB_USER and CHENGXIN_DB_PASSWORD to a managed "
                    + "PostgreSQL ≥ 15 (the demo starts with SPRING_PROFILES_ACTIVE=dev).");
        }
        return DataDirectoryLock.claim(properties.embeddedDir() != null ? properties.embeddedDir()
                : Path.of("data", "postgres"));
    }

    /**
     * Spring, not the library's JVM shutdown hook, stops the server: otherwise the server dies while the
     * application still closes its connections and every shutdown waits out the pool timeout (trap 1).
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties, DataDirectoryLock claimed,
                                      @Value("${chengxin.db.embedded-preload:}") String preload,
                                      @Value("${chengxin.db.embedded-settings:}") String settings) throws IOException {
        Path dir = claimed.dataDir();
        if (Boolean.TRUE.equals(properties.cleanOnStart())) {
            FileSystemUtils.deleteRecursively(dir);
        }
        Files.createDirectories(dir.getParent());
        boolean durable = !Boolean.FALSE.equals(properties.durable());
        int port = properties.embeddedPort() != null ? properties.embeddedPort() : 54329;
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("timezone", "Asia/Shanghai")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                // PostgreSQL 17's own code-point collation: the same order, case mapping and character classes as
                // the C library's C.UTF-8, but compared with memcmp rather than strcoll. Every text key of the
                // platform (pseudonyms, natural keys, codes) is compared in its indexes, some 30% faster so.
                // Only a new data directory takes it; an existing one keeps the collation it was created with.
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8");
        if (!preload.isBlank()) {
            // For measurements only (CHENGXIN_EMBEDDED_DB_PRELOAD=pg_stat_statements: the benchmarks' per-statement
            // times); nothing of the platform needs a preloaded library.
            builder.setServerConfig("shared_preload_libraries", preload);
        }
        ServerSettings.parse(settings).forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {} (durable: {})",
                postgres.getPort(), dir, durable);
        if (System.getenv("MALLOC_TRIM_THRESHOLD_") == null) {
            // The server inherits this JVM's environment; the launchers of this project set the allocator (pom.xml,
            // bench/malloc.sh), a bare `java -jar` does not.
            log.warn("MALLOC_TRIM_THRESHOLD_ is not set: the embedded PostgreSQL gives freed memory back to the "
                    + "kernel after each statement and spends a third more CPU or worse (README, \"Memory allocator\")");
        }
        return postgres;
    }

    /**
     * @param initSql the statement and lock timeouts every pool connection starts with (application.yml; gaps review
     *                xxxiii N12), as Boot sets them on the pool it builds for an external database
     */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.connection-init-sql:}") String initSql) {
        HikariConfig config = new HikariConfig();
        if (!initSql.isBlank()) {
            config.setConnectionInitSql(initSql);
        }
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(12);
        config.setPoolName("chengxin-embedded");
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }
}
