package cn.chengxin.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Run as a separate JVM: starts the embedded PostgreSQL on a data directory, says so, and waits to be
 * killed. Killing this JVM with SIGKILL leaves the postmaster running, just as when the application itself
 * is killed with {@code kill -9} (STACK-NOTES trap 4).
 */
public final class OrphanedPostgres {

    private OrphanedPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60)).start();
        Files.writeString(dir.resolveSibling("orphan.port"), Integer.toString(postgres.getPort()));
        Thread.sleep(Duration.ofMinutes(10).toMillis());
    }
}
