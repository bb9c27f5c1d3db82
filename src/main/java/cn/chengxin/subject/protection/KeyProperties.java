package cn.chengxin.subject.protection;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chengxin.keys.*}: where the identity-protection keys come from. In development the keys are
 * generated into {@code ./data/keys} on first start; in {@code prod} generation is off and the keys are
 * supplied (files in {@code dir}, or base64 values by environment: {@code CHENGXIN_KEYS_ENCRYPTION},
 * {@code CHENGXIN_KEYS_INDEX}).
 *
 * @param dir               key directory (default {@code ./data/keys})
 * @param generateMissing   create missing keys (development only)
 * @param encryption        base64 SM4 key (16 bytes) of {@code encryptionVersion}, overriding the file
 * @param encryptionVersion version of the current encryption key (default 1)
 * @param index             base64 HMAC-SM3 blind-index key (32 bytes), overriding the file
 */
@ConfigurationProperties("chengxin.keys")
public record KeyProperties(Path dir, Boolean generateMissing, String encryption, Integer encryptionVersion,
                            String index) {
}
