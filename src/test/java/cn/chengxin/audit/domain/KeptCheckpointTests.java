package cn.chengxin.audit.domain;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A checkpoint pasted back as /audit/checkpoints shows it, and what does not read, field by field. */
class KeptCheckpointTests {

    private static final byte[] ROOT = new byte[32];
    private static final String HEX = HexFormat.of().formatHex(ROOT).replace("00", "ab");
    private static final String SIGNATURE = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});

    @Test
    void readsTheFieldsAsThePublicPageShowsThem() {
        KeptCheckpoint kept = KeptCheckpoint.parse(" 1200 ", HEX + "\n", "2026-12-04T13:27:35.123Z",
                SIGNATURE.substring(0, 2) + "\n" + SIGNATURE.substring(2));

        assertThat(kept.treeSize()).isEqualTo(1200);
        assertThat(HexFormat.of().formatHex(kept.checkpoint().root())).isEqualTo(HEX);
        assertThat(kept.checkpoint().at()).isEqualTo(Instant.parse("2026-12-04T13:27:35.123Z"));
        assertThat(kept.signature()).containsExactly(1, 2, 3);
    }

    @Test
    void takesTheRootInBase64AndTheTimeWithAnOffset() {
        KeptCheckpoint kept = KeptCheckpoint.parse("7", Base64.getEncoder().encodeToString(HexFormat.of()
                .parseHex(HEX)), "2026-12-04T21:27:35.123+08:00", SIGNATURE);

        assertThat(HexFormat.of().formatHex(kept.checkpoint().root())).isEqualTo(HEX);
        assertThat(kept.checkpoint().at()).isEqualTo(Instant.parse("2026-12-04T13:27:35.123Z"));
    }

    @Test
    void namesTheFieldThatDoesNotRead() {
        String at = "2026-12-04T13:27:35.123Z";
        assertMalformed(() -> KeptCheckpoint.parse("0", HEX, at, SIGNATURE), KeptCheckpoint.Field.SIZE);
        assertMalformed(() -> KeptCheckpoint.parse("十二", HEX, at, SIGNATURE), KeptCheckpoint.Field.SIZE);
        assertMalformed(() -> KeptCheckpoint.parse("12", HEX.substring(2), at, SIGNATURE), KeptCheckpoint.Field.ROOT);
        assertMalformed(() -> KeptCheckpoint.parse("12", "", at, SIGNATURE), KeptCheckpoint.Field.ROOT);
        assertMalformed(() -> KeptCheckpoint.parse("12", HEX, "2026-12-04 13:27:35", SIGNATURE),
                KeptCheckpoint.Field.TIME);
        assertMalformed(() -> KeptCheckpoint.parse("12", HEX, at, "not base64!"), KeptCheckpoint.Field.SIGNATURE);
        assertMalformed(() -> KeptCheckpoint.parse("12", HEX, at, null), KeptCheckpoint.Field.SIGNATURE);
    }

    private static void assertMalformed(Runnable parse, KeptCheckpoint.Field field) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(KeptCheckpoint.Malformed.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
