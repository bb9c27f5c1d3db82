package cn.chengxin.platform.database;

import java.io.IOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A separately started PostgreSQL 17 that plays a city's external database server: an owner {@link #USER} with
 * {@link #PASSWORD} and an empty database {@code chengxin}, as the README's external-database section expects.
 */
final class ExternalPostgres {

    static final String USER = "chengxin";
    static final String PASSWORD = "external-secret";

    private ExternalPostgres() {
    }

    /** Starts the server with its data under {@code dataDir} (wiped first) and creates the owner and the database. */
    static EmbeddedPostgres start(Path dataDir) throws IOException {
        EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(true).setRegisterShutdownHook(false).start();
        JdbcClient admin = JdbcClient.create(external.getPostgresDatabase());
        admin.sql("CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'").update();
        admin.sql("CREATE DATABASE chengxin OWNER " + USER).update();
        return external;
    }

    /** The JDBC address of the platform's database on that server. */
    static String url(EmbeddedPostgres external) {
        return "jdbc:postgresql://localhost:" + external.getPort() + "/chengxin";
    }
}
