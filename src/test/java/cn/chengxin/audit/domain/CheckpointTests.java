package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTests {

    private static final byte[] ROOT = new byte[32];

    static {
        for (int i = 0; i < ROOT.length; i++) {
            ROOT[i] = (byte) i;
        }
    }

    @Test
    void signedBytesAreTheDocumentedFourLinesOfUtf8Text() {
        Checkpoint checkpoint = new Checkpoint(5, ROOT, Instant.parse("2024-05-01T08:00:00.123Z"));

        assertThat(new String(checkpoint.signedBytes(), StandardCharsets.UTF_8)).isEqualTo("""
                chengxin-audit-checkpoint/v1
                5
                AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
                1714550400123
                """);
    }

    @Test
    void timeIsKeptToTheMillisecondThatIsSigned() {
        Checkpoint precise = new Checkpoint(5, ROOT, Instant.parse("2024-05-01T08:00:00.123456789Z"));

        assertThat(precise.at()).isEqualTo(Instant.parse("2024-05-01T08:00:00.123Z"));
        assertThat(precise).isEqualTo(new Checkpoint(5, ROOT, Instant.parse("2024-05-01T08:00:00.123Z")));
    }

    @Test
    void everyFieldChangesTheSignedBytes() {
        Instant at = Instant.parse("2024-05-01T08:00:00.123Z");
        byte[] base = new Checkpoint(5, ROOT, at).signedBytes();
        byte[] otherRoot = ROOT.clone();
        otherRoot[31] ^= 1;

        assertThat(new Checkpoint(6, ROOT, at).signedBytes()).isNotEqualTo(base);
        assertThat(new Checkpoint(5, otherRoot, at).signedBytes()).isNotEqualTo(base);
        assertThat(new Checkpoint(5, ROOT, at.plusMillis(1)).signedBytes()).isNotEqualTo(base);
    }

    @Test
    void equalityComparesTheRootBytesAndTheRootCannotBeChangedFromOutside() {
        byte[] root = ROOT.clone();
        Checkpoint checkpoint = new Checkpoint(5, root, Instant.EPOCH);

        root[0] ^= 1;
        checkpoint.root()[1] ^= 1;

        assertThat(checkpoint.root()).isEqualTo(ROOT);
        assertThat(checkpoint).isEqualTo(new Checkpoint(5, ROOT.clone(), Instant.EPOCH))
                .hasSameHashCodeAs(new Checkpoint(5, ROOT.clone(), Instant.EPOCH));
    }

    @Test
    void rejectsImpossibleCheckpoints() {
        assertThatThrownBy(() -> new Checkpoint(-1, ROOT, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(1, new byte[0], Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(1, null, Instant.EPOCH)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Checkpoint(1, ROOT, null)).isInstanceOf(NullPointerException.class);
    }
}
