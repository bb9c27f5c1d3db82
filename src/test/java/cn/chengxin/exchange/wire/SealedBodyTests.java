package cn.chengxin.exchange.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.Messages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch travels SM4-GCM-encrypted for its receiver under a key wrapped with SM2 (real Bouncy Castle crypto): only
 * the receiver's private key opens it; an altered, re-addressed or clear batch does not open, each with its code.
 */
class SealedBodyTests {

    private static final String NUMBER = "11010519491231002X";
    private final SigningKeys.SigningKey city = SigningKeys.of(SigningKeys.generatePrivateKey());
    private final SigningKeys.SigningKey province = SigningKeys.of(SigningKeys.generatePrivateKey());
    private final Batch batch = Messages.batch("411700", "410000", Instant.parse("2026-11-30T08:00:00Z"),
            Messages.blackListEntry("411700", "list/" + UUID.randomUUID(), 3, "EFFECTIVE", NUMBER, "张三"));

    @Test
    void onlyTheReceiversKeyOpensTheBatchAndNoIdentityNumberOrNameIsReadableOnTheWire() {
        SignedBatch signed = SignedBatch.sign(batch, city, province.publicKey());

        String wire = new String(signed.body(), StandardCharsets.UTF_8);
        assertThat(wire).contains("\"format\":\"chengxin-sealed/1\"").doesNotContain("1101051949", "张三",
                "EFFECTIVE", "messages");
        assertThat(signed.signedBy(city.publicKey()) && signed.digestMatches()).isTrue();
        assertThat(BatchCodec.read(signed.open("410000", province))).isEqualTo(batch);
        assertThat(SignedBatch.sign(batch, city, province.publicKey()).body()).as("a fresh key and IV per batch")
                .isNotEqualTo(signed.body());

        refused(() -> signed.open("410000", SigningKeys.of(SigningKeys.generatePrivateKey())),
                "EXCHANGE_BATCH_UNDECRYPTABLE");
    }

    @Test
    void aTamperedCiphertextOrWrappedKeyDoesNotOpen() {
        SignedBatch signed = SignedBatch.sign(batch, city, province.publicKey());
        for (String member : new String[] {"ciphertext", "wrappedKey", "iv"}) {
            ObjectNode envelope = (ObjectNode) JsonMapper.builder().build().readTree(signed.body());
            byte[] bytes = Base64.getDecoder().decode(envelope.get(member).asString());
            bytes[bytes.length / 2] ^= 1;
            envelope.put(member, Base64.getEncoder().encodeToString(bytes));
            byte[] altered = JsonMapper.builder().build().writeValueAsBytes(envelope);
            // Altered in transit: the signature no longer holds.
            assertThat(new SignedBatch("411700", altered, signed.digest(), signed.signature())
                    .signedBy(city.publicKey())).isFalse();
            // Altered and signed again (by the sender itself, or by whoever holds its key): it still does not open.
            refused(() -> new SignedBatch("411700", altered, null, null).open("410000", province),
                    "EXCHANGE_BATCH_UNDECRYPTABLE");
        }
    }

    @Test
    void aCiphertextReAddressedByAnotherPlatformDoesNotOpen() {
        SignedBatch signed = SignedBatch.sign(batch, city, province.publicKey());
        ObjectNode envelope = (ObjectNode) JsonMapper.builder().build().readTree(signed.body());
        refused(() -> new SignedBatch("411500", signed.body(), null, null).open("410000", province),
                "EXCHANGE_BATCH_MISADDRESSED");
        refused(() -> signed.open("100000", province), "EXCHANGE_BATCH_MISADDRESSED");
        envelope.put("from", "411500");
        byte[] reSigned = JsonMapper.builder().build().writeValueAsBytes(envelope);
        refused(() -> new SignedBatch("411500", reSigned, null, null).open("410000", province),
                "EXCHANGE_BATCH_UNDECRYPTABLE");
    }

    @Test
    void aBatchInClearIsRefusedWithItsOwnCodeAndOtherBodiesAsMalformedOrUnsupported() {
        refused(() -> new SignedBatch("411700", BatchCodec.write(batch), null, null).open("410000", province),
                "EXCHANGE_BATCH_UNENCRYPTED");
        refused(() -> new SignedBatch("411700", "{\"format\":\"chengxin-sealed/9\"}".getBytes(StandardCharsets.UTF_8),
                null, null).open("410000", province), "EXCHANGE_FORMAT_UNSUPPORTED");
        refused(() -> new SignedBatch("411700", "<batch/>".getBytes(StandardCharsets.UTF_8), null, null)
                .open("410000", province), "EXCHANGE_BATCH_MALFORMED");
        refused(() -> new SignedBatch("411700", "{\"format\":\"chengxin-sealed/1\",\"from\":\"411700\"}"
                .getBytes(StandardCharsets.UTF_8), null, null).open("410000", province), "EXCHANGE_BATCH_MALFORMED");
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable open, String code) {
        assertThatThrownBy(open).isInstanceOfSatisfying(SealedBody.Unreadable.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
