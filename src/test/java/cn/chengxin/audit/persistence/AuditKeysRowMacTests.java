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
}
