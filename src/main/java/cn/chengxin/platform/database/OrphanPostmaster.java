package cn.chengxin.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the application is killed ({@code kill -9}) the embedded postmaster survives it. Starting again
 * would then silently connect to that orphan (STACK-NOTES trap 4). Instead we stop it cleanly first:
 * SIGTERM is PostgreSQL's "smart" shutdown, which checkpoints and so loses nothing committed. Called only by
 * {@link DataDirectoryLock} once it holds the directory: a postmaster still running then is nobody's.
 */
final class OrphanPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private OrphanPostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = pidOf(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        if (postmaster.isEmpty()) {
            return; // stale pid file: PostgreSQL itself recovers from it
        }
        ProcessHandle process = postmaster.get();
        log.warn("An orphaned embedded PostgreSQL (pid {}) still runs on {}; stopping it before starting again",
                process.pid(), dataDir);
        process.destroy();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            sleep();
        }
        if (process.isAlive()) {
            throw new IllegalStateException("The orphaned PostgreSQL (pid " + process.pid()
                    + ") did not stop within " + PATIENCE.toSeconds() + " s; stop it by hand");
        }
    }

    private static Optional<Long> pidOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL to stop", e);
        }
    }
}
