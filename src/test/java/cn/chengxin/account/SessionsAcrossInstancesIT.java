package cn.chengxin.account;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import cn.chengxin.support.App;
import cn.chengxin.support.TestStaff;
import cn.chengxin.support.WebClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the platform on one database, as behind a load balancer (ARCHITECTURE.md, Scale): a staff member
 * signed in on one is signed in on the other, and signing out on the other ends the session on both. Sessions live in
 * the database (V101), not in one instance's memory.
 */
class SessionsAcrossInstancesIT {

    @Test
    void aSessionBegunOnOneInstanceIsServedAndEndedOnAnother() throws Exception {
        Path dir = Path.of("target", "it-sessions").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("server"))
                .setCleanDataDirectory(true).setRegisterShutdownHook(false).start()) {
            JdbcClient admin = JdbcClient.create(database.getPostgresDatabase());
            admin.sql("CREATE USER chengxin PASSWORD 'shared-secret'").update();
            admin.sql("CREATE DATABASE chengxin OWNER chengxin").update();
            String[] shared = {"--CHENGXIN_DB_URL=jdbc:postgresql://localhost:" + database.getPort() + "/chengxin",
                    "--CHENGXIN_DB_USER=chengxin", "--CHENGXIN_DB_PASSWORD=shared-secret",
                    // One platform: both instances hold the same keys.
                    "--chengxin.keys.dir=" + dir.resolve("keys")};
            try (ConfigurableApplicationContext first = App.start(dir.resolve("first"), "test", shared);
                 ConfigurableApplicationContext second = App.start(dir.resolve("second"), "test", shared)) {
                String user = TestStaff.create(first.getBean(StaffDirectory.class), "CREDIT_OFFICE");
                WebClient onFirst = new WebClient(port(first));
                onFirst.get("/console/login");
                onFirst.post("/console/login", Map.of("username", user, "password", TestStaff.PASSWORD));
                String secret = TestStaff.secretFrom(onFirst.get("/console/mfa/enrol").body());
                assertThat(onFirst.post("/console/mfa/enrol", Map.of("code", TestStaff.code(secret, Instant.now())))
                        .redirectsTo("/console")).isTrue();
                String session = onFirst.sessionId().orElseThrow();

                WebClient onSecond = new WebClient(port(second));
                onSecond.useSession(session);
                WebClient.Page console = onSecond.get("/console");
                assertThat(console.status()).as(console.toString()).isEqualTo(200);
                assertThat(console.body()).contains(user);

                assertThat(onSecond.post("/console/logout", Map.of()).redirectsTo("/console/login?logout")).isTrue();
                onFirst.useSession(session);
                assertThat(onFirst.get("/console").redirectsTo("/console/login"))
                        .as("signed out on the second instance, signed out on the first").isTrue();
            }
        }
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
