package cn.chengxin.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start about key files others than their owner may read (gaps review xxxiii N12; GB/T 39786-2021: keys
 * stored under control). Supplied key files are read whatever their permissions; only the generated ones are made
 * {@code rw-------}. A public half ({@code *.pub}) is meant to be read by anyone and is left out. The start goes on:
 * refusing it would turn a permission slip into an outage; the operator is told which files and how to fix them.
 */
@Component
class KeyFilePermissions {

    private static final Logger log = LoggerFactory.getLogger(KeyFilePermissions.class);
    private static final Set<PosixFilePermission> OTHERS_THAN_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Path dir;

    KeyFilePermissions(@Value("${chengxin.keys.dir:data/keys}") Path dir) {
        this.dir = dir;
    }

    @EventListener(ApplicationStartedEvent.class)
    void warnAboutLooseKeys() {
        for (Path file : looseKeyFiles(dir)) {
            log.warn("Key file {} may be read or written by others than its owner: chmod 600 it (README, "
                    + "\"Keys checklist\")", file);
        }
    }

    /** The key files in {@code dir} whose group or others may read or write them; none where POSIX is unknown. */
    static List<Path> looseKeyFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".pub"))
                    .filter(KeyFilePermissions::loose).sorted().toList();
        } catch (IOException e) {
            log.warn("Cannot list the key directory {} to check its permissions", dir, e);
            return List.of();
        }
    }

    private static boolean loose(Path file) {
        try {
            return Files.getPosixFilePermissions(file).stream().anyMatch(OTHERS_THAN_OWNER::contains);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
