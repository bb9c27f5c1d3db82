package cn.chengxin.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded database belongs to the one JVM that runs it: that JVM holds an exclusive lock on {@code <data
 * directory>.lock} (next to the directory, which {@code initdb} wants empty) for as long as the server runs. The
 * operating system releases the lock when the JVM ends, however it ends ({@code kill -9} too), and the postmaster it
 * started does not inherit it. So a postmaster running on a directory whose lock is free is an orphan, stopped as
 * {@link OrphanPostmaster} does; a lock held elsewhere means a live platform runs on the directory, and a second JVM
 * (a command such as {@code verify-audit}) must leave its database alone rather than shut it down under it.
 */
final class DataDirectoryLock implements AutoCloseable {

    /**
     * Directories claimed by this JVM. A second claim from the same JVM must not even open the lock file: closing any
     * channel on it would release the first claim's lock (POSIX record locks belong to the process).
     */
    private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final FileChannel channel;

    private DataDirectoryLock(Path dataDir, FileChannel channel) {
        this.dataDir = dataDir;
        this.channel = channel;
    }

    /**
     * Takes the directory for this JVM, then stops a postmaster orphaned on it.
     *
     * @throws DataDirectoryInUse if another JVM runs a database on the directory; its postmaster is not touched
     */
    static DataDirectoryLock claim(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!CLAIMED.add(dir)) {
            throw new DataDirectoryInUse(dir);
        }
        DataDirectoryLock claimed;
        try {
            claimed = lock(dir);
        } catch (IOException | RuntimeException e) {
            CLAIMED.remove(dir);
            throw e;
        }
        try {
            OrphanPostmaster.stopIfRunning(dir);
            return claimed;
        } catch (IOException | RuntimeException e) {
            claimed.close();
            throw e;
        }
    }

    private static DataDirectoryLock lock(Path dir) throws IOException {
        Path file = dir.resolveSibling(dir.getFileName() + ".lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUse(dir);
        }
        return new DataDirectoryLock(dir, channel);
    }

    Path dataDir() {
        return dataDir;
    }

    /** Releases the directory; called after the server stopped. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            CLAIMED.remove(dataDir);
        }
    }
}
