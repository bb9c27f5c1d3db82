package cn.chengxin.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Gaps review xxxiii N12: a key file its group or anyone may read is named at start; public halves are not. */
class KeyFilePermissionsTests {

    @Test
    void namesTheKeyFilesOthersThanTheOwnerMayRead(@TempDir Path dir) throws Exception {
        Path tight = key(dir, "audit-row-mac.key", "rw-------");
        Path groupReadable = key(dir, "identity-index.key", "rw-r-----");
        Path worldReadable = key(dir, "exchange-sm2.key", "rw-r--r--");
        key(dir, "audit-checkpoint-sm2.0123456789abcdef.pub", "rw-r--r--");

        assertThat(KeyFilePermissions.looseKeyFiles(dir)).containsExactly(worldReadable, groupReadable)
                .doesNotContain(tight);
        assertThat(KeyFilePermissions.looseKeyFiles(dir.resolve("missing"))).isEmpty();
    }

    private static Path key(Path dir, String name, String permissions) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "AAAA");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
