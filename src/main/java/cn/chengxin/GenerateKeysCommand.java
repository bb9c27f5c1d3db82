package cn.chengxin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;

import cn.chengxin.audit.SigningKeys;

/**
 * {@code generate-keys <directory>}: writes every key file a production start needs (gaps review xxxiii N12; GB/T
 * 39786-2021: keys generated under control, apart from the data) into a new or empty directory, readable by the owner
 * only ({@code rw-------} in a {@code rwx------} directory), and prints the public halves to publish. It starts no
 * Spring context: no web server, no database, no log of the keys.
 *
 * <p>The files and their format (each one line of Base64): {@code audit-row-mac.key} (32 random bytes, HMAC-SM3 key
 * sealing each audit row), {@code audit-checkpoint-sm2.key} (SM2 private scalar, 32 bytes, signing checkpoints; its
 * public half also as {@code audit-checkpoint-sm2.<key id>.pub}), {@code identity-encryption.v1.key} (16 bytes, SM4
 * key of identity numbers), {@code identity-index.key} (32 bytes, HMAC-SM3 blind-index key) and {@code
 * exchange-sm2.key} (SM2 private scalar signing the exchange's batches).
 *
 * <p>{@code generate-keys --next-row-mac-key <directory>} adds the next version of the audit row-sealing key to a key
 * directory in use (gaps review xxvii I4): {@code audit-row-mac.v<N>.key}, N one above the highest there
 * ({@code audit-row-mac.key} is version 1). After a restart it seals new rows; the older versions stay for verifying the
 * rows they sealed (README: 替换密钥).
 */
public final class GenerateKeysCommand {

    static final String NAME = "generate-keys";

    private static final SecureRandom RANDOM = new SecureRandom();

    private GenerateKeysCommand() {
    }

    /** Runs the command: {@code args} as after the command's name; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length == 2 && NEXT_ROW_MAC_KEY.equals(args[0]) && !args[1].isBlank()) {
            return nextRowMacKey(out, err, Path.of(args[1]).toAbsolutePath());
        }
        if (args.length != 1 || args[0].isBlank() || args[0].startsWith("--") && !args[0].startsWith("--dir=")) {
            err.println("usage: " + NAME + " <directory>   (a new or empty directory, e.g. /etc/chengxin/keys)");
            err.println("       " + NAME + " " + NEXT_ROW_MAC_KEY + " <directory>   (the key directory in use)");
            return 2;
        }
        Path dir = Path.of(args[0].startsWith("--dir=") ? args[0].substring("--dir=".length()) : args[0])
                .toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> present = Files.list(dir)) {
                    if (present.findAny().isPresent()) {
                        err.println(dir + " is not empty: keys are generated into an empty directory only, never over "
                                + "keys that may already seal data");
                        return 1;
                    }
                }
            } else {
                Files.createDirectories(dir);
            }
            restrict(dir, "rwx------");
            write(dir.resolve("audit-row-mac.key"), random(32));
            String checkpointPrivate = SigningKeys.generatePrivateKey();
            write(dir.resolve("audit-checkpoint-sm2.key"), checkpointPrivate);
            // The same key id as the audit log's (the first 16 hex digits of SM3 of the public key).
            SigningKeys.SigningKey checkpoint = SigningKeys.of(checkpointPrivate);
            String checkpointId = checkpoint.keyId();
            Files.writeString(dir.resolve("audit-checkpoint-sm2." + checkpointId + ".pub"), checkpoint.publicKey());
            write(dir.resolve("identity-encryption.v1.key"), random(16));
            write(dir.resolve("identity-index.key"), random(32));
            String exchange = SigningKeys.generatePrivateKey();
            write(dir.resolve("exchange-sm2.key"), exchange);
            SigningKeys.SigningKey exchangeKey = SigningKeys.of(exchange);

            out.println("Keys written to " + dir + " (owner-readable only). Back them up apart from the database "
                    + "backups (README, \"Keys checklist\").");
            out.println();
            out.println("Public halves to publish:");
            out.println("  audit checkpoints (key id " + checkpointId + "): " + checkpoint.publicKey());
            out.println("  exchange batches  (key id " + exchangeKey.keyId() + "): " + exchangeKey.publicKey());
            return 0;
        } catch (IOException | UnsupportedOperationException e) {
            err.println("Cannot write the keys to " + dir + ": " + e);
            return 1;
        }
    }

    static final String NEXT_ROW_MAC_KEY = "--next-row-mac-key";

    /** Writes the next row-sealing key version into a key directory that holds one already. */
    private static int nextRowMacKey(PrintStream out, PrintStream err, Path dir) {
        try {
            java.util.Optional<Path> next = SigningKeys.nextRowMacKeyFile(dir);
            if (next.isEmpty()) {
                err.println(dir + " holds no audit row-sealing key (audit-row-mac.key): not a key directory in use");
                return 1;
            }
            Path file = next.get();
            write(file, random(32));
            out.println("Row-sealing key " + file.getFileName() + " written to " + dir + " (owner-readable only).");
            out.println("Copy it to every instance's key directory and restart them all: new audit rows are then "
                    + "sealed under it. Keep the older versions: the rows they sealed are verified with them.");
            return 0;
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            err.println("Cannot write the next row-sealing key to " + dir + ": " + e);
            return 1;
        }
    }

    private static String random(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Created owner-only from the start: the key never sits in a file others may read. */
    private static void write(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        restrict(file, "rw-------"); // whatever the umask took away or left
        Files.writeString(file, content);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
}
