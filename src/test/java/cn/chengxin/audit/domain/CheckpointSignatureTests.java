package cn.chengxin.audit.domain;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointSignatureTests {

    private final CheckpointSigner signer = CheckpointSigner.fromPrivateKey(
            Base64.getDecoder().decode(CheckpointSigner.generatePrivateKeyBase64()));
    private final Checkpoint checkpoint = new Checkpoint(1234, MerkleHash.sm3().plain("root".getBytes()),
            Instant.parse("2026-11-22T08:00:00Z"));

    @Test
    void aSignatureVerifiesWithThePublishedKey() {
        byte[] signature = signer.sign(checkpoint);
        assertThat(CheckpointVerifier.verify(signer.publicKeyBase64(), checkpoint, signature)).isTrue();
        assertThat(Base64.getDecoder().decode(signer.publicKeyBase64())).hasSize(65).startsWith((byte) 0x04);
    }

    @Test
    void anyChangeOfSizeRootTimeOrSignatureFails() {
        byte[] signature = signer.sign(checkpoint);
        String key = signer.publicKeyBase64();
        assertThat(CheckpointVerifier.verify(key, new Checkpoint(1235, checkpoint.root(), checkpoint.at()),
                signature)).isFalse();
        byte[] root = checkpoint.root().clone();
        root[31] ^= 1;
        assertThat(CheckpointVerifier.verify(key, new Checkpoint(1234, root, checkpoint.at()), signature)).isFalse();
        assertThat(CheckpointVerifier.verify(key, new Checkpoint(1234, checkpoint.root(),
                checkpoint.at().plusMillis(1)), signature)).isFalse();
        byte[] bent = signature.clone();
        bent[bent.length - 1] ^= 1;
        assertThat(CheckpointVerifier.verify(key, checkpoint, bent)).isFalse();
        assertThat(CheckpointVerifier.verify(key, checkpoint, new byte[] {1, 2, 3})).isFalse();
    }

    @Test
    void anotherKeyDoesNotVerifyAndGarbageKeysAreRefused() {
        CheckpointSigner other = CheckpointSigner.fromPrivateKey(
                Base64.getDecoder().decode(CheckpointSigner.generatePrivateKeyBase64()));
        assertThat(CheckpointVerifier.verify(other.publicKeyBase64(), checkpoint, signer.sign(checkpoint))).isFalse();
        assertThat(CheckpointVerifier.verify("not base64!", checkpoint, signer.sign(checkpoint))).isFalse();
        assertThatThrownBy(() -> CheckpointSigner.fromPrivateKey(new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignedBytesAreTheDocumentedText() {
        assertThat(new String(checkpoint.signedBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "chengxin-audit-checkpoint/v1\n1234\n" + Base64.getEncoder().encodeToString(checkpoint.root())
                        + "\n" + checkpoint.at().toEpochMilli() + "\n");
    }
}
