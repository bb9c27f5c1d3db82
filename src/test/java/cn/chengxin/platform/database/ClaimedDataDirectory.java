package cn.chengxin.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run as a separate JVM: claims a data directory as a running platform does, says so, and waits to be killed; the
 * stand-in for a live platform next to which a command is started.
 */
final class ClaimedDataDirectory {

    private ClaimedDataDirectory() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        DataDirectoryLock.claim(dir);
        Files.writeString(dir.resolveSibling("claimed"), "yes");
        Thread.sleep(Duration.ofMinutes(10).toMillis());
    }
}
