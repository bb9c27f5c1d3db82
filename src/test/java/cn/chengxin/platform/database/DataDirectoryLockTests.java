package cn.chengxin.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A postmaster on the data directory is stopped only when no running JVM holds the directory: an orphan of a killed
 * platform is, the database of a live platform next to which a command starts is not. The postmaster here is a
 * stand-in ({@code sleep} under the name {@code postgres}) with the pid file PostgreSQL would write.
 */
class DataDirectoryLockTests {

    @TempDir
    Path root;

    private Path dataDir;
    private Process postmaster;
    private Process platform;

    @BeforeEach
    void dataDirectory() throws IOException {
        dataDir = root.resolve("postgres");
        Files.createDirectories(dataDir);
    }

    @AfterEach
    void stopProcesses() {
        if (postmaster != null) {
            postmaster.destroyForcibly();
        }
        if (platform != null) {
            platform.destroyForcibly();
        }
    }

    @Test
    void refusesADirectoryALivePlatformHoldsAndLeavesItsDatabaseRunning() throws Exception {
        platform = platformClaiming(dataDir);
        postmaster = postmasterOn(dataDir);

        assertThatThrownBy(() -> DataDirectoryLock.claim(dataDir)).isInstanceOf(DataDirectoryInUse.class)
                .hasMessageContaining("The platform is running on the data directory " + dataDir);

        Thread.sleep(300);
        assertThat(postmaster.isAlive()).as("the live platform's postmaster is left alone").isTrue();
    }

    @Test
    void stopsAPostmasterWhoseOwnerIsGone() throws Exception {
        platform = platformClaiming(dataDir);
        postmaster = postmasterOn(dataDir);
        platform.destroyForcibly().waitFor(); // kill -9: the operating system releases its lock

        try (DataDirectoryLock claimed = DataDirectoryLock.claim(dataDir)) {
            // Process.isAlive() learns of the exit from the JVM's reaper thread a moment after the process is gone.
            assertThat(postmaster.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("the orphan was stopped")
                    .isTrue();
            assertThat(claimed.dataDir()).isEqualTo(dataDir);
        }
    }

    @Test
    void aSecondClaimFromTheSameJvmIsRefusedUntilTheFirstIsReleased() throws Exception {
        DataDirectoryLock first = DataDirectoryLock.claim(dataDir);
        assertThatThrownBy(() -> DataDirectoryLock.claim(dataDir)).isInstanceOf(DataDirectoryInUse.class);
        assertThat(anotherProcessCanClaim(dataDir)).as("the refused claim kept the first one's lock").isFalse();
        first.close();

        DataDirectoryLock.claim(dataDir).close();
    }

    private static Process platformClaiming(Path dir) throws Exception {
        Process process = java(ClaimedDataDirectory.class, dir);
        Path claimed = dir.resolveSibling("claimed");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.exists(claimed) && process.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(claimed).as("the stand-in platform claimed the directory").exists();
        return process;
    }

    private static boolean anotherProcessCanClaim(Path dir) throws Exception {
        Process process = java(ClaimedDataDirectory.class, dir);
        Path claimed = dir.resolveSibling("claimed");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.exists(claimed) && process.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        boolean could = Files.exists(claimed);
        process.destroyForcibly().waitFor();
        Files.deleteIfExists(claimed);
        return could;
    }

    private static Process java(Class<?> main, Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), main.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling(main.getSimpleName() + ".log").toFile())
                .start();
    }

    /** A long-running process named {@code postgres}, recorded in {@code postmaster.pid} as PostgreSQL does. */
    private Process postmasterOn(Path dir) throws IOException {
        Path binary = root.resolve("bin/postgres");
        if (!Files.exists(binary)) {
            Files.createDirectories(binary.getParent());
            Files.copy(Path.of("/bin/sleep"), binary);
            binary.toFile().setExecutable(true);
        }
        Process process = new ProcessBuilder(binary.toString(), "600").start();
        Files.writeString(dir.resolve("postmaster.pid"), process.pid() + "\n" + dir + "\n");
        return process;
    }
}
