package cn.chengxin.audit.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditKeysRowMacTests {

    private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final AuditKeys keys = new AuditKeys(key, null, null);
    private final byte[] leaf = HexFormat.of().parseHex("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    private final Instant at = Instant.parse("2026-12-05T10:15:30.123456Z");

    /** The MAC as freshly keyed, field by field as the verifier documents it. */
    private byte[] expected(long seq, byte[] leafHash, Instant when, String category) {
        return expected(key, seq, leafHash, when, category);
    }

    private static byte[] expected(byte[] key, long seq, byte[] leafHash, Instant when, String category) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        byte[] fixed = java.nio.ByteBuffer.allocate(16).putLong(seq)
                .putLong(when.getEpochSecond() * 1_000_000 + when.getNano() / 1000).array();
        hmac.update(fixed, 0, fixed.length);
        hmac.update(leafHash, 0, leafHash.length);
        byte[] kind = category.getBytes(StandardCharsets.UTF_8);
        hmac.update(kind, 0, kind.length);
        byte[] out = new byte[32];
        hmac.doFinal(out, 0);
        return out;
    }

    @Test
    void aRowMacIsTheSameWhenTheThreadsKeyedMacIsReused() {
        for (long seq = 0; seq < 5; seq++) {
            assertThat(keys.rowMac(seq, leaf, at, "QUERY")).isEqualTo(expected(seq, leaf, at, "QUERY"));
        }
        assertThat(keys.rowMac(7, leaf, at, "SECURITY")).isNotEqualTo(keys.rowMac(7, leaf, at, "QUERY"));
    }

    @Test
    void aCallThatFailedHalfwayLeavesNothingForTheNext() {
        assertThatThrownBy(() -> keys.rowMac(1, null, at, "QUERY")).isInstanceOf(NullPointerException.class);
        assertThat(keys.rowMac(1, leaf, at, "QUERY")).isEqualTo(expected(1, leaf, at, "QUERY"));
    }

    /**
     * I4 (session xxxv): after a rotation new rows are sealed under the next version, a row sealed before still
     * verifies under the version it names, and a row naming a version no key is held for does not verify.
     */
    @Test
    void afterARotationOldRowsVerifyUnderTheirVersionAndNewOnesAreSealedUnderTheNext() {
        byte[] next = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        AuditKeys rotated = keys.withNextRowMacKey(next);
        byte[] sealedBefore = keys.rowMac(3, leaf, at, "QUERY");

        assertThat(keys.macVersion()).isEqualTo(1);
        assertThat(rotated.macVersion()).isEqualTo(2);
        assertThat(rotated.rowMac(3, leaf, at, "QUERY")).as("new rows under version 2")
                .isEqualTo(expected(next, 3, leaf, at, "QUERY")).isNotEqualTo(sealedBefore);
        assertThat(rotated.rowMac(1, 3, leaf, at, "QUERY")).as("a row naming version 1").hasValue(sealedBefore);
        assertThat(rotated.rowMac(2, 3, leaf, at, "QUERY")).hasValue(expected(next, 3, leaf, at, "QUERY"));
        assertThat(rotated.rowMac(3, 3, leaf, at, "QUERY")).as("no key of version 3").isEmpty();
        assertThat(keys.rowMac(2, 3, leaf, at, "QUERY")).as("before the rotation, no version 2").isEmpty();
        // The thread's keyed MAC of version 1, kept for verification, does not disturb the current one.
        assertThat(rotated.rowMac(1, 4, leaf, at, "SECURITY")).hasValue(expected(4, leaf, at, "SECURITY"));
        assertThat(rotated.rowMac(4, leaf, at, "SECURITY")).isEqualTo(expected(next, 4, leaf, at, "SECURITY"));
    }

    @Test
    void theKeyDirectorysVersionsAreReadAndARetiredOnePutBackLaterCounts(@org.junit.jupiter.api.io.TempDir
                                                                           java.nio.file.Path dir) throws Exception {
        byte[] second = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        java.nio.file.Files.writeString(dir.resolve("audit-row-mac.key"), java.util.Base64.getEncoder().encodeToString(key));
        java.nio.file.Files.writeString(dir.resolve("audit-row-mac.v2.key"),
                java.util.Base64.getEncoder().encodeToString(second));
        AuditKeys loaded = AuditKeys.load(dir, true);

        assertThat(loaded.macVersion()).as("the highest version seals").isEqualTo(2);
        assertThat(loaded.rowMac(5, leaf, at, "QUERY")).isEqualTo(expected(second, 5, leaf, at, "QUERY"));
        assertThat(loaded.rowMac(1, 5, leaf, at, "QUERY")).hasValue(expected(5, leaf, at, "QUERY"));
        assertThat(loaded.rowMac(7, 5, leaf, at, "QUERY")).isEmpty();

        byte[] seventh = "77777777777777777777777777777777".getBytes(StandardCharsets.US_ASCII);
        java.nio.file.Files.writeString(dir.resolve("audit-row-mac.v7.key"),
                java.util.Base64.getEncoder().encodeToString(seventh));
        assertThat(loaded.rowMac(7, 5, leaf, at, "QUERY")).as("put back by hand, read when a row names it")
                .hasValue(expected(seventh, 5, leaf, at, "QUERY"));
        assertThat(loaded.macVersion()).as("but it seals nothing before a restart").isEqualTo(2);
    }
}
