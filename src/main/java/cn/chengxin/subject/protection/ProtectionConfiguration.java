package cn.chengxin.subject.protection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the identity-protection keys. Files: {@code identity-encryption.v<N>.key} (one per version; the
 * highest is current unless configured) and {@code identity-index.key}, each base64. The blind-index key
 * has no versions: changing it means re-indexing every subject.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyProperties.class)
class ProtectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProtectionConfiguration.class);
    private static final Pattern ENCRYPTION_FILE = Pattern.compile("identity-encryption\\.v(\\d+)\\.key");
    private static final String INDEX_FILE = "identity-index.key";

    @Bean
    IdentityProtection identityProtection(KeyProperties properties) throws IOException {
        Path dir = properties.dir() != null ? properties.dir() : Path.of("data", "keys");
        boolean generate = Boolean.TRUE.equals(properties.generateMissing());
        Map<Integer, byte[]> encryptionKeys = readEncryptionKeys(dir);
        int version = properties.encryptionVersion() != null ? properties.encryptionVersion()
                : encryptionKeys.keySet().stream().max(Integer::compare).orElse(1);
        if (properties.encryption() != null && !properties.encryption().isBlank()) {
            encryptionKeys.put(version, Base64.getDecoder().decode(properties.encryption().trim()));
        }
        if (!encryptionKeys.containsKey(version)) {
            encryptionKeys.put(version, generated(dir.resolve("identity-encryption.v" + version + ".key"), 16,
                    generate));
        }
        byte[] indexKey = properties.index() != null && !properties.index().isBlank()
                ? Base64.getDecoder().decode(properties.index().trim())
                : Files.exists(dir.resolve(INDEX_FILE)) ? read(dir.resolve(INDEX_FILE))
                : generated(dir.resolve(INDEX_FILE), 32, generate);
        return new IdentityProtection(encryptionKeys, version, indexKey);
    }

    private static Map<Integer, byte[]> readEncryptionKeys(Path dir) throws IOException {
        Map<Integer, byte[]> keys = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Matcher m = ENCRYPTION_FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    keys.put(Integer.parseInt(m.group(1)), read(file));
                }
            }
        }
        return keys;
    }

    private static byte[] read(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file).trim());
    }

    private static byte[] generated(Path file, int length, boolean allowed) throws IOException {
        if (!allowed) {
            throw new IllegalStateException("Missing identity-protection key " + file.getFileName()
                    + ": supply it in " + file.getParent() + " or by environment (CHENGXIN_KEYS_ENCRYPTION, "
                    + "CHENGXIN_KEYS_INDEX); keys are generated only in development");
        }
        byte[] key = new byte[length];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Cannot restrict permissions of {} on this file system", file);
        }
        log.info("Generated identity-protection key {}", file);
        return key;
    }
}
