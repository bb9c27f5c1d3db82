package cn.chengxin.platform.database;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.App;
import cn.chengxin.support.OrphanedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps what was committed across restarts, and a postmaster orphaned by a killed
 * application is stopped cleanly instead of being silently reused.
 */
class RestartIT {

    private static final Path DIR = Path.of("target", "it-restart").toAbsolutePath();
    private static final String NUMBER = "411702199001011238";

    @BeforeAll
    static void freshDirectory() throws Exception {
        FileSystemUtils.deleteRecursively(DIR);
        Files.createDirectories(DIR);
    }

    @Test
    void dataSurvivesARestartAndAnOrphanedServerIsStoppedFirst() throws Exception {
        UUID registered;
        try (ConfigurableApplicationContext first = App.start(DIR, "test", "--chengxin.db.durable=true")) {
            SubjectRegistry registry = first.getBean(SubjectRegistry.class);
            registered = registry.registerPerson(new NewPerson(registry.validate(DocumentType.RESIDENT_ID, NUMBER),
                    "周明", null, null, List.of(), List.of(), false));
            // A new data directory compares text by code point with PostgreSQL's own collation (memcmp), and
            // still maps case and orders Chinese as the C library's C.UTF-8 did.
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT datlocprovider::text || ':' || datlocale FROM pg_database "
                    + "WHERE datname = current_database()").query(String.class).single()).isEqualTo("b:C.UTF-8");
            assertThat(jdbc.sql("SELECT lower('ÄB中') || upper('é') || ('周' < '明')::text || ('Z' < 'a')::text")
                    .query(String.class).single()).isEqualTo("äb中Étruetrue");
        }
        assertThat(DIR.resolve("postgres/postmaster.pid")).as("the server stopped with the application")
                .doesNotExist();

        try (ConfigurableApplicationContext second = App.start(DIR, "test")) {
            assertThat(find(second)).contains(registered);
        }

        Process killed = startAnOrphan();
        try (ConfigurableApplicationContext third = App.start(DIR, "test")) {
            assertThat(find(third)).contains(registered);
            int orphanPort = Integer.parseInt(Files.readString(DIR.resolve("orphan.port")).trim());
            int ownPort = third.getBean(EmbeddedPostgres.class).getPort();
            assertThat(ownPort).as("the application runs its own server, not the orphan").isNotEqualTo(orphanPort);
        } finally {
            killed.destroyForcibly();
        }
    }

    private static Optional<UUID> find(ConfigurableApplicationContext context) {
        SubjectRegistry registry = context.getBean(SubjectRegistry.class);
        return registry.find(registry.validate(DocumentType.RESIDENT_ID, NUMBER));
    }

    /** A JVM that starts PostgreSQL on the data directory and is then killed with SIGKILL. */
    private static Process startAnOrphan() throws Exception {
        Files.deleteIfExists(DIR.resolve("orphan.port"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanedPostgres.class.getName(), DIR.resolve("postgres").toString())
                .redirectErrorStream(true).redirectOutput(DIR.resolve("orphan.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(DIR.resolve("orphan.port")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(DIR.resolve("orphan.port")).as("orphan started; see %s", DIR.resolve("orphan.log")).exists();
        process.destroyForcibly().waitFor();
        assertThat(DIR.resolve("postgres/postmaster.pid")).as("the postmaster outlived its JVM").exists();
        return process;
    }
}
