package cn.chengxin.exchange.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.Messages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchCodecTests {

    private static final String NUMBER = "11010519491231002X";

    private static Batch batch() {
        return Messages.batch("410000", "411700", Instant.parse("2026-11-30T08:00:00Z"),
                Messages.blackListEntry("411000", "list/" + UUID.randomUUID(), 3, "EFFECTIVE", NUMBER, "张三"));
    }

    @Test
    void aBatchReadsBackAsWritten() {
        Batch batch = batch();
        assertThat(BatchCodec.read(BatchCodec.write(batch))).isEqualTo(batch);
    }

    /**
     * The pending proceedings are an optional field added to the format: a record without any is written exactly as
     * before (no field, so partners that do not know it read it), a message from such a partner reads as none, and a
     * record with some reads back with them.
     */
    @Test
    void pendingProceedingsAreAnOptionalFieldLeftOutWhenThereAreNone() {
        ExchangeMessage flagged = Messages.penalty("411000", "record/" + UUID.randomUUID(), 4, NUMBER,
                List.of("ADMINISTRATIVE_REVIEW"));
        ExchangeMessage plain = Messages.penalty("411000", "record/" + UUID.randomUUID(), 5, NUMBER, List.of());
        Batch batch = Messages.batch("410000", "411700", Instant.parse("2026-11-30T08:00:00Z"), flagged, plain);

        String written = new String(BatchCodec.write(batch), StandardCharsets.UTF_8);
        assertThat(written).containsOnlyOnce("\"proceedings\":[\"ADMINISTRATIVE_REVIEW\"]");
        Batch read = BatchCodec.read(written.getBytes(StandardCharsets.UTF_8));
        assertThat(read).isEqualTo(batch);
        assertThat(read.messages().get(0).proceedings()).containsExactly("ADMINISTRATIVE_REVIEW");
        assertThat(read.messages().get(1).proceedings()).isNull();
        assertThat(BatchCodec.writeMessage(plain)).doesNotContain("proceedings");
    }

    @Test
    void aSignedBatchVerifiesWithItsKeyOnlyAndOnlyUnchanged() {
        SigningKeys.SigningKey key = SigningKeys.of(SigningKeys.generatePrivateKey());
        SigningKeys.SigningKey other = SigningKeys.of(SigningKeys.generatePrivateKey());
        SignedBatch signed = SignedBatch.sign(batch(), key, other.publicKey());

        assertThat(signed.signedBy(key.publicKey())).isTrue();
        assertThat(signed.digestMatches()).isTrue();
        assertThat(signed.signedBy(other.publicKey())).isFalse();
        byte[] tampered = signed.body().clone();
        tampered[tampered.length - 3] ^= 1;
        SignedBatch changed = new SignedBatch(signed.from(), tampered, signed.digest(), signed.signature());
        assertThat(changed.signedBy(key.publicKey())).isFalse();
        assertThat(changed.digestMatches()).isFalse();
        assertThat(new SignedBatch("410000", signed.body(), signed.digest(), "not base64!").signedBy(key.publicKey()))
                .isFalse();
    }

    @Test
    void unexpectedTypesAndUnknownFieldsAreRefusedWithThePathAndNeverTheValue() {
        String good = new String(BatchCodec.write(batch()), StandardCharsets.UTF_8);
        String versionAsText = good.replaceFirst("\"version\":3", "\"version\":\"3\"");
        String numberAsNumber = good.replace("\"" + NUMBER + "\"", "110105194912310020");
        String extraField = good.replaceFirst("\"batchId\"", "\"role\":\"ADMIN\",\"batchId\"");

        assertThatThrownBy(() -> BatchCodec.read(versionAsText.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BatchCodec.MalformedBatch.class).hasMessageContaining("messages.[0].version");
        assertThatThrownBy(() -> BatchCodec.read(numberAsNumber.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BatchCodec.MalformedBatch.class).hasMessageContaining("number")
                .hasMessageNotContaining("110105");
        assertThatThrownBy(() -> BatchCodec.read(extraField.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BatchCodec.MalformedBatch.class).hasMessageContaining("unknown field");
        assertThatThrownBy(() -> BatchCodec.read("<batch/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BatchCodec.MalformedBatch.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> BatchCodec.read(new byte[BatchCodec.MAX_BYTES + 1]))
                .isInstanceOf(BatchCodec.MalformedBatch.class).hasMessageContaining("larger");
    }
}
