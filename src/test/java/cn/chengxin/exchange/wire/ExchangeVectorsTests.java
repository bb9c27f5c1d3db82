package cn.chengxin.exchange.wire;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.BatchAdmission;
import cn.chengxin.exchange.domain.ExchangeFormats;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.MessageKind;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.subject.domain.DocumentType;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange's test vectors (docs/exchange-vectors/, gaps review xxxvii R6): a partner checks its SM3, SM2 and
 * SM4-GCM code against them, and this test keeps them true to the codec. The envelope is rebuilt byte for byte from
 * the batch, the batch key, the nonce and the wrapped key; the digest and both signatures verify with the published
 * test keys; the receiver's test key opens the envelope to the batch, which the codec reads and writes back to the same
 * bytes and admits; and the batch meets the JSON Schema, whose members are exactly the codec's. A change of the
 * envelope, the cipher, the codec's member order or a new member without the schema fails here.
 *
 * <p>{@code -Dexchange.vectors.write=true} writes new vectors (fresh keys, signature and wrapped key).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeVectorsTests {

    static final Path DIR = Path.of("docs/exchange-vectors");
    private static final String FROM = "411700";
    private static final String TO = "410000";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theEnvelopeIsRebuiltByteForByteFromItsPartsAndItsDigestAndSignatureVerify() throws IOException {
        byte[] batch = bytes("batch.json");
        byte[] key = HexFormat.of().parseHex(text("batch-key.hex"));
        byte[] iv = HexFormat.of().parseHex(text("iv.hex"));
        byte[] wrapped = Base64.getDecoder().decode(text("wrapped-key.b64"));
        byte[] envelope = bytes("envelope.json");
        SigningKeys.SigningKey receiver = SigningKeys.of(text("receiver-private.b64"));
        String senderPublic = text("sender-public.b64");

        assertThat(receiver.publicKey()).isEqualTo(text("receiver-public.b64"));
        assertThat(SigningKeys.of(text("sender-private.b64")).publicKey()).isEqualTo(senderPublic);
        assertThat(receiver.decrypt(wrapped)).as("the wrapped key opens to the batch key").isEqualTo(key);
        assertThat(new String(SealedBody.sealWith(batch, FROM, TO, SealedBody.keyIdOf(receiver.publicKey()), key, iv,
                wrapped), StandardCharsets.UTF_8)).isEqualTo(new String(envelope, StandardCharsets.UTF_8));

        List<String> headers = Files.readAllLines(DIR.resolve("headers.txt"));
        assertThat(headers).containsExactly(SignedBatch.PLATFORM + ": " + FROM,
                SignedBatch.DIGEST + ": " + SignedBatch.DIGEST_PREFIX + BatchCodec.digest(envelope),
                SignedBatch.SIGNATURE + ": " + text("signature.b64"));
        SignedBatch signed = new SignedBatch(FROM, envelope, SignedBatch.DIGEST_PREFIX + BatchCodec.digest(envelope),
                text("signature.b64"));
        assertThat(signed.digestMatches() && signed.signedBy(senderPublic)).isTrue();
        assertThat(signed.open(TO, receiver)).isEqualTo(batch);

        String pull = text("pull-request.txt");
        assertThat(pull).startsWith("pull\n" + TO + "\n" + FROM + "\n");
        assertThat(SigningKeys.verify(text("receiver-public.b64"), pull.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(text("pull-signature.b64")))).as("the pull is signed by the puller").isTrue();
    }

    @Test
    void theBatchIsCanonicalAdmittedAtItsTimeAndNamesItsFormat() throws IOException {
        byte[] bytes = bytes("batch.json");
        Batch batch = BatchCodec.read(bytes);

        assertThat(BatchCodec.write(batch)).as("what the codec writes, member for member").isEqualTo(bytes);
        assertThat(batch.format()).isEqualTo(ExchangeFormats.forBatch(batch.messages(), null));
        assertThat(BatchAdmission.refusal(batch, FROM, TO, Relation.PARENT, cn.chengxin.exchange.domain.PlatformLevel.CITY,
                batch.createdAt(), java.time.Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void theBatchMeetsTheSchemaAndTheSchemaNamesExactlyTheCodecsMembers() throws IOException {
        JsonNode schema = JSON.readTree(DIR.resolve("batch.schema.json").toFile());
        List<String> errors = new ArrayList<>();
        validate(schema, schema, JSON.readTree(bytes("batch.json")), "batch", errors);
        assertThat(errors).isEmpty();

        assertThat(names(schema.get("properties"))).isEqualTo(components(Batch.class));
        JsonNode message = schema.get("$defs").get("message");
        assertThat(names(message.get("properties"))).isEqualTo(components(ExchangeMessage.class));
        assertThat(names(message.get("properties").get("subject").get("properties")))
                .isEqualTo(components(ExchangeMessage.Subject.class));
        assertThat(names(message.get("properties").get("period").get("properties")))
                .isEqualTo(components(ExchangeMessage.Period.class));
        assertThat(schema.get("properties").get("format").get("enum").valueStream().map(JsonNode::asString).toList())
                .isEqualTo(ExchangeFormats.ACCEPTED);
        // Gaps review xl U2: the document types a receiver reads (DocumentType.valueOf), in the schema and the format.
        List<String> documentTypes = Arrays.stream(DocumentType.values()).map(DocumentType::name).toList();
        assertThat(message.get("properties").get("subject").get("properties").get("documentType").get("enum")
                .valueStream().map(JsonNode::asString).toList()).isEqualTo(documentTypes);
        String row = Files.readAllLines(Path.of("docs/exchange-format.md")).stream()
                .filter(l -> l.startsWith("| `subject.documentType` |")).findFirst().orElseThrow();
        assertThat(Pattern.compile("`([A-Z_]+)`").matcher(row.split("(?<!\\\\)\\|", 4)[2]).results()
                .map(m -> m.group(1)).toList()).isEqualTo(documentTypes);

        // The schema refuses what the codec refuses: an unknown member, a string version, an unknown format.
        for (String broken : List.of("\"disputed\":false,", "\"version\":")) {
            String json = new String(bytes("batch.json"), StandardCharsets.UTF_8);
            String altered = broken.startsWith("\"disputed\"") ? json.replaceFirst(Pattern.quote(broken),
                    "\"disputed\":false,\"colour\":\"red\",") : json.replaceFirst("\"version\":(\\d+)", "\"version\":\"$1\"");
            List<String> refused = new ArrayList<>();
            validate(schema, schema, JSON.readTree(altered), "batch", refused);
            assertThat(refused).as(broken).isNotEmpty();
        }
    }

    @Test
    @Order(0)
    @EnabledIfSystemProperty(named = "exchange.vectors.write", matches = "true")
    void writeNewVectors() throws IOException {
        String senderPrivate = SigningKeys.generatePrivateKey();
        String receiverPrivate = SigningKeys.generatePrivateKey();
        SigningKeys.SigningKey sender = SigningKeys.of(senderPrivate);
        SigningKeys.SigningKey receiver = SigningKeys.of(receiverPrivate);
        Instant at = Instant.parse("2026-12-06T08:00:00.000Z");
        ExchangeMessage entry = new ExchangeMessage(FROM, "list/0193e8aa-1f00-7c3e-8d6b-6c2f9a4e1234", 8812,
                MessageKind.LIST_ENTRY, Instant.parse("2026-12-06T07:59:12.345Z"),
                new ExchangeMessage.Subject("RESIDENT_ID", "11010519491231002X", "测试甲"), null, "BLACK", null,
                new ExchangeMessage.Period(LocalDate.parse("2026-12-06"), LocalDate.parse("2028-12-05")), "EFFECTIVE",
                false, "COURT", null, "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条", "信用驻马店", null);
        ExchangeMessage record = new ExchangeMessage(FROM, "record/0193c0de-2a11-7f00-b3c1-5e6f7a8b9c0d", 40211,
                MessageKind.RECORD, Instant.parse("2026-12-06T07:59:40.000Z"),
                new ExchangeMessage.Subject("UNIFIED_SOCIAL_CREDIT_CODE", "91350100M000100Y43", "测试乙有限公司"),
                "O_ADMIN_PENALTY_GENERAL", null, "GENERAL",
                new ExchangeMessage.Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2027-02-28")), "ACTIVE",
                true, "MARKET", "驻市监罚〔2026〕71号", "《中华人民共和国行政处罚法》", "信用驻马店", List.of("LAWSUIT"));
        List<ExchangeMessage> messages = List.of(entry, record);
        byte[] batch = BatchCodec.write(new Batch(ExchangeFormats.forBatch(messages, null),
                UUID.fromString("0193f1d2-6c1e-7b55-9a34-2f4c1e0a9b10"), FROM, TO, at, null, messages));
        byte[] key = new byte[16];
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(key);
        new java.security.SecureRandom().nextBytes(iv);
        byte[] wrapped = SigningKeys.encryptFor(receiver.publicKey(), key);
        byte[] envelope = SealedBody.sealWith(batch, FROM, TO, receiver.keyId(), key, iv, wrapped);
        String signature = Base64.getEncoder().encodeToString(sender.sign(envelope));
        String pull = "pull\n" + TO + "\n" + FROM + "\n0\n2026-12-06T08:00:00Z";

        Files.createDirectories(DIR);
        write("sender-private.b64", senderPrivate);
        write("sender-public.b64", sender.publicKey());
        write("receiver-private.b64", receiverPrivate);
        write("receiver-public.b64", receiver.publicKey());
        Files.write(DIR.resolve("batch.json"), batch);
        write("batch-key.hex", HexFormat.of().formatHex(key));
        write("iv.hex", HexFormat.of().formatHex(iv));
        write("wrapped-key.b64", Base64.getEncoder().encodeToString(wrapped));
        Files.write(DIR.resolve("envelope.json"), envelope);
        write("signature.b64", signature);
        write("headers.txt", SignedBatch.PLATFORM + ": " + FROM + "\n" + SignedBatch.DIGEST + ": "
                + SignedBatch.DIGEST_PREFIX + BatchCodec.digest(envelope) + "\n" + SignedBatch.SIGNATURE + ": "
                + signature + "\n");
        Files.writeString(DIR.resolve("pull-request.txt"), pull);
        write("pull-signature.b64", Base64.getEncoder().encodeToString(receiver.sign(pull.getBytes(
                StandardCharsets.UTF_8))));
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(DIR.resolve(name), text.endsWith("\n") ? text : text + "\n");
    }

    private static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(DIR.resolve(name));
    }

    private static String text(String name) throws IOException {
        String text = Files.readString(DIR.resolve(name));
        return name.endsWith(".txt") ? text : text.strip();
    }

    private static Set<String> names(JsonNode properties) {
        return new TreeSet<>(properties.propertyNames());
    }

    private static Set<String> components(Class<? extends Record> type) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    /**
     * The subset of JSON Schema 2020-12 the batch's schema uses ($ref to $defs, type, enum, required, properties,
     * additionalProperties false, pattern, min/maxLength, minimum, min/maxItems, items, uniqueItems).
     */
    static void validate(JsonNode root, JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            validate(root, root.get("$defs").get(ref.substring("#/$defs/".length())), value, at, errors);
            return;
        }
        if (schema.has("enum") && schema.get("enum").valueStream().noneMatch(value::equals)) {
            errors.add(at + ": not one of " + schema.get("enum"));
        }
        String type = schema.has("type") ? schema.get("type").asString() : null;
        if (type != null && !switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new IllegalArgumentException("type " + type);
        }) {
            errors.add(at + ": not " + type);
            return;
        }
        if (value.isObject()) {
            JsonNode properties = schema.get("properties");
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asString())) {
                    errors.add(at + "." + required.asString() + ": required");
                }
            }
            for (String name : value.propertyNames()) {
                if (properties != null && properties.has(name)) {
                    validate(root, properties.get(name), value.get(name), at + "." + name, errors);
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean()) {
                    errors.add(at + "." + name + ": not allowed");
                }
            }
        }
        if (value.isString()) {
            String s = value.asString();
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(s).find()) {
                errors.add(at + ": does not match " + schema.get("pattern").asString());
            }
            int length = s.codePointCount(0, s.length());
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()
                    || schema.has("minLength") && length < schema.get("minLength").asInt()) {
                errors.add(at + ": length " + length);
            }
        }
        if (value.isIntegralNumber() && schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
            errors.add(at + ": below " + schema.get("minimum"));
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()
                    || schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                errors.add(at + ": " + value.size() + " items");
            }
            if (schema.path("uniqueItems").asBoolean(false) && new HashSet<>(value.valueStream().toList()).size()
                    != value.size()) {
                errors.add(at + ": items repeat");
            }
            for (int i = 0; i < value.size() && schema.has("items"); i++) {
                validate(root, schema.get("items"), value.get(i), at + "[" + i + "]", errors);
            }
        }
    }
}
