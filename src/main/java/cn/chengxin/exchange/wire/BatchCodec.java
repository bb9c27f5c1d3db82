package cn.chengxin.exchange.wire;

import java.util.HexFormat;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.ExchangeMessage;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads and writes the exchange format (docs/exchange-format.md) strictly: an unknown field, a string where a number
 * belongs or a number where a string belongs is an error with a reason, never silently coerced, because a partner
 * that sends something else than the format is a partner to call, not to guess.
 */
public final class BatchCodec {

    /** Largest batch body accepted (bytes): 1,000 messages of about 1 KB with room to spare. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private BatchCodec() {
    }

    /** A batch that does not parse, with the reason (field path and problem, no content). */
    public static final class MalformedBatch extends RuntimeException {
        MalformedBatch(String reason) {
            super(reason);
        }
    }

    public static byte[] write(Batch batch) {
        return JSON.writeValueAsBytes(batch);
    }

    public static Batch read(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new MalformedBatch("the batch is larger than " + MAX_BYTES + " bytes");
        }
        try {
            return JSON.readValue(body, Batch.class);
        } catch (JacksonException e) {
            throw new MalformedBatch(reasonFor(e));
        }
    }

    /** The field path and the kind of problem, never the offending value (it may be an identity number). */
    private static String reasonFor(JacksonException e) {
        String path = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining("."));
        String kind = e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException ? "unknown field"
                : e instanceof tools.jackson.databind.exc.MismatchedInputException ? "unexpected type or value"
                : "malformed JSON";
        return (path.isEmpty() ? "batch" : path) + ": " + kind;
    }

    /** A message as the outbox keeps it (without the identity number, which is added when it is sent). */
    public static String writeMessage(ExchangeMessage message) {
        return JSON.writeValueAsString(message);
    }

    public static ExchangeMessage readMessage(String json) {
        return JSON.readValue(json, ExchangeMessage.class);
    }

    /** SM3 of the message's canonical form (as this codec writes it), hex: what reconciliation compares. */
    public static String digestOf(ExchangeMessage message) {
        return hex(SigningKeys.sm3(JSON.writeValueAsBytes(message)));
    }

    /** SM3 of the exact bytes, hex. */
    public static String digest(byte[] bytes) {
        return hex(SigningKeys.sm3(bytes));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
