package cn.chengxin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.audit.persistence.AuditKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxxiii N12: {@code generate-keys} writes every key file a production start reads, owner-only, prints
 * the public halves, and never writes into a directory that holds anything. A whole start on the files it writes:
 * {@code NoProfileStartIT}.
 */
class GenerateKeysCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateKeysCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void writesEveryKeyFileOwnerOnlyAndPrintsThePublicHalves(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("keys");

        assertThat(run(dir.toString())).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        for (String name : new String[] {"audit-row-mac.key", "audit-checkpoint-sm2.key", "identity-encryption.v1.key",
                "identity-index.key", "exchange-sm2.key"}) {
            Path file = dir.resolve(name);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(name)
                    .isEqualTo("rw-------");
        }
        assertThat(Base64.getDecoder().decode(Files.readString(dir.resolve("identity-encryption.v1.key")))).hasSize(16);
        assertThat(Base64.getDecoder().decode(Files.readString(dir.resolve("identity-index.key")))).hasSize(32);
        assertThat(Base64.getDecoder().decode(Files.readString(dir.resolve("audit-row-mac.key")))).hasSize(32);

        // The platform's own loaders read them as supplied keys (none generated).
        AuditKeys audit = AuditKeys.load(dir, false);
        SigningKeys.SigningKey exchange = SigningKeys.of(Files.readString(dir.resolve("exchange-sm2.key")));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains(audit.keyId()).contains(audit.signer().publicKey())
                .contains(exchange.keyId()).contains(exchange.publicKey())
                .doesNotContain(Files.readString(dir.resolve("audit-checkpoint-sm2.key")))
                .doesNotContain(Files.readString(dir.resolve("exchange-sm2.key")));
        assertThat(dir.resolve("audit-checkpoint-sm2." + audit.keyId() + ".pub")).hasContent(audit.signer().publicKey());
    }

    @Test
    void refusesADirectoryThatHoldsAnything(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("identity-index.key"), "kept");

        assertThat(run("--dir=" + dir)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not empty");
        assertThat(dir.resolve("identity-index.key")).hasContent("kept");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void withoutADirectoryItSaysHowToCallIt() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: generate-keys <directory>");
    }

    /** I4 (session xxxv): the next row-sealing key version goes beside the ones in use; the highest then seals. */
    @Test
    void addsTheNextRowSealingKeyVersionToAKeyDirectoryInUse(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("keys");
        assertThat(run(dir.toString())).isZero();

        assertThat(run("--next-row-mac-key", dir.toString())).isZero();
        assertThat(run("--next-row-mac-key", dir.toString())).isZero();

        for (String name : new String[] {"audit-row-mac.v2.key", "audit-row-mac.v3.key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name)))).as(name)
                    .isEqualTo("rw-------");
            assertThat(Base64.getDecoder().decode(Files.readString(dir.resolve(name)))).hasSize(32);
        }
        assertThat(AuditKeys.load(dir, false).macVersion()).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit-row-mac.v3.key")
                .doesNotContain(Files.readString(dir.resolve("audit-row-mac.v3.key")));
    }

    @Test
    void refusesTheNextRowSealingKeyWhereNoKeyIsInUse(@TempDir Path dir) {
        assertThat(run("--next-row-mac-key", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no audit row-sealing key");
    }
}
