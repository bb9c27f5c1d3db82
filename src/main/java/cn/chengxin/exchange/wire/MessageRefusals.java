package cn.chengxin.exchange.wire;

import java.util.List;
import java.util.UUID;

import cn.chengxin.audit.SigningKeys;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiver's answer over Kafka to a batch of which it refused some messages for what they say (the rest is
 * applied): which messages, by their index in the batch and their (source platform, source id, version), and the
 * refusal's code and reason. Kafka has no answer to a push, so the answer is a record on the sender's topic, sealed
 * and signed as a batch is ({@link SignedBatch#seal}): only the sender reads it, and it knows who wrote it.
 */
public record MessageRefusals(UUID batchId, String from, String to, List<Refused> refused) {

    /** The header that tells this record from a batch on a platform's topic. */
    public static final String RECORD = "Chengxin-Record";
    public static final String KIND = "message-refusals";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public MessageRefusals {
        refused = List.copyOf(refused);
    }

    /** Message {@code index} of the batch, refused with {@code code} (never an identity number in the reason). */
    public record Refused(int index, String sourcePlatform, String sourceId, long version, String code,
                          String reason) {
    }

    /** Sealed for the sender ({@code to}) and signed with the receiver's key. */
    public SignedBatch seal(SigningKeys.SigningKey key, String senderPublicKey) {
        return SignedBatch.seal(from, to, JSON.writeValueAsBytes(this), key, senderPublicKey);
    }

    /** @throws BatchCodec.MalformedBatch when the bytes are not such an answer */
    public static MessageRefusals read(byte[] plain) {
        try {
            MessageRefusals answer = JSON.readValue(plain, MessageRefusals.class);
            if (answer.batchId() == null || answer.from() == null || answer.to() == null) {
                throw new BatchCodec.MalformedBatch("batchId, from and to are required");
            }
            return answer;
        } catch (JacksonException e) {
            throw new BatchCodec.MalformedBatch("not an answer of refused messages: " + e.getOriginalMessage());
        }
    }
}
