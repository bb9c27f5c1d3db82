package cn.chengxin.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTests {

    private static final byte[] MESSAGE = "{\"batchId\":\"1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aKeyIsGeneratedOnFirstUseWhereAllowedAndTheSameKeyIsReadAfterwards(@TempDir Path dir) {
        SigningKeys keys = new SigningKeys(dir, true);
        SigningKeys.SigningKey first = keys.load("exchange");
        assertThat(Files.exists(dir.resolve("exchange-sm2.key"))).isTrue();
        assertThat(new SigningKeys(dir, false).load("exchange").publicKey()).isEqualTo(first.publicKey());
        assertThat(first.toString()).doesNotContain(first.publicKey()).contains(first.keyId());
    }

    @Test
    void aMissingKeyIsRefusedWhereKeysAreSupplied(@TempDir Path dir) {
        assertThatThrownBy(() -> new SigningKeys(dir, false).load("exchange"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exchange-sm2.key");
        assertThatThrownBy(() -> new SigningKeys(dir, true).load("../audit-row-mac"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignatureVerifiesWithItsPublicKeyOnlyAndOnlyForItsMessage() {
        SigningKeys.SigningKey key = SigningKeys.of(SigningKeys.generatePrivateKey());
        SigningKeys.SigningKey other = SigningKeys.of(SigningKeys.generatePrivateKey());
        byte[] signature = key.sign(MESSAGE);

        assertThat(SigningKeys.verify(key.publicKey(), MESSAGE, signature)).isTrue();
        assertThat(SigningKeys.verify(other.publicKey(), MESSAGE, signature)).isFalse();
        assertThat(SigningKeys.verify(key.publicKey(), "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(SigningKeys.verify("not a key", MESSAGE, signature)).isFalse();
        assertThat(SigningKeys.validPublicKey(key.publicKey())).isTrue();
        assertThat(SigningKeys.validPublicKey("AAAA")).isFalse();
    }
}
