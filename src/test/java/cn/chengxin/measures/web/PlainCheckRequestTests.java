package cn.chengxin.measures.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.measures.Scenario;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The lean lane's reader of a check's body reads a plain body as the application's mapper does, and no other. */
class PlainCheckRequestTests {

    /** As the application's mapper (application.yml: an undefined field is ignored, gaps review xxxvii R3). */
    private static final ObjectReader MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readerFor(ChecksApi.CheckRequest.class);

    @Test
    void readsPlainBodiesAsTheMapperDoes() {
        for (String body : List.of(
                "{\"subjectNumber\":\"11010519491231002X\",\"scenario\":\"INSPECTION\",\"purpose\":\"企业设立登记审查\"}",
                " {\r\n\t\"purpose\" : \"p\" , \"scenario\": \"LICENSING\", \"subjectNumber\": \"110\" ,"
                        + "\"documentType\":\"PASSPORT\", \"reference\": \"京朝市监处字〔2026〕118号\"}\n",
                "{\"subjectNumber\":\"x\",\"scenario\":null,\"purpose\":null,\"documentType\":null,\"reference\":null}",
                "{}", "{ }", "{\"subjectNumber\":\"😀\"}", "{\"purpose\":\"\"}")) {
            ChecksApi.CheckRequest plain = PlainCheckRequest.read(bytes(body));
            assertThat(plain).as(body).isNotNull().isEqualTo(MAPPER.readValue(bytes(body)));
        }
        assertThat(PlainCheckRequest.read(bytes("{\"scenario\":\"HIRING\",\"subjectNumber\":\"1\",\"purpose\":\"审批\"}")))
                .isEqualTo(new ChecksApi.CheckRequest("1", null, Scenario.HIRING, "审批", null));
    }

    @Test
    void leavesEveryOtherBodyToTheMapper() {
        for (String body : List.of(
                "", "null", "[]", "{", "{\"subjectNumber\":\"1\"", "{\"subjectNumber\":\"1\",}", "{,}",
                "{\"subjectNumber\":\"1\"} x", "{\"subjectNumber\":\"1\"}{}", "{\"subjectNumber\":1}",
                "{\"subjectNumber\":true}", "{\"subjectNumber\":[\"1\"]}", "{\"subject\\u004eumber\":\"1\"}",
                "{\"role\":\"ADMIN\"}",
                "{\"subjectNumber\":\"1\",\"subjectNumber\":\"2\"}", "{\"scenario\":\"inspection\"}",
                "{\"scenario\":\"\"}", "{\"scenario\":3}", "{\"subjectNumber\":nul}", "{\"subjectNumber\":nullx}",
                "{'subjectNumber':'1'}", "{subjectNumber:\"1\"}", "{\"subjectNumber\":\"1\" /* c */}",
                "{\"subjectNumber\":\"a\tb\"}", "\uFEFF{\"subjectNumber\":\"1\"}")) {
            assertThat(PlainCheckRequest.read(bytes(body))).as(body).isNull();
        }
        byte[] malformed = {'{', '"', 'p', 'u', 'r', 'p', 'o', 's', 'e', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThat(PlainCheckRequest.read(malformed)).isNull();
        byte[] surrogate = {'{', '"', 'p', 'u', 'r', 'p', 'o', 's', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0,
                (byte) 0x80, '"', '}'};
        assertThat(PlainCheckRequest.read(surrogate)).isNull();
    }

    /** Escapes as clients send them, and as the benchmark sends Chinese (WrkLoad.jsonAscii: lower-case hex). */
    @Test
    void readsEscapesAsTheMapperDoes() {
        List<String> bodies = new ArrayList<>(List.of(
                "{\"subjectNumber\":\"a\\\"b\"}", "{\"subjectNumber\":\"\\u0031\"}",
                "{\"subjectNumber\":\"110\",\"scenario\":\"INSPECTION\",\"purpose\":\"\\u4f01\\u4E1A\\u8bbe\\u7aCB\"}",
                "{\"purpose\":\"\\ud83d\\ude00 x \\uD840\\uDC00\"}", "{\"purpose\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}",
                "{\"purpose\":\"前\\u0041后 😀\\n😀\"}", "{\"scenario\":\"\\u0048IRING\"}",
                "{\"purpose\":\"\\u0000\\u001f\\u007f\"}", "{\"reference\":\"\\\\u0041\"}",
                "{\"reference\":\"end\\\\\"}", "{\"reference\":\"\\\\\\\"\"}", "{\"purpose\":\"\\\"\"}",
                "{\"purpose\":\"\\uFFFF\\uFEFF\\u2028\"}",
                "{\"subjectNumber\":\"1\",\"reference\":\"\\/\\/\", \"purpose\": null}"));
        java.util.Random random = new java.util.Random(38);
        for (int n = 0; n < 500; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                int pick = random.nextInt(5);
                text.appendCodePoint(switch (pick) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x4e00 + random.nextInt(0x5000);
                    case 2 -> 0x10000 + random.nextInt(0x10000);
                    case 3 -> "\"\\/\b\f\n\r\t".charAt(random.nextInt(8));
                    default -> 0x80 + random.nextInt(0xD800 - 0x80);
                });
            }
            bodies.add("{\"subjectNumber\":\"1\",\"purpose\":\"" + asTheBenchmark(text.toString())
                    + "\",\"reference\":\"" + escapedSome(text.toString(), random) + "\"}");
        }
        for (String body : bodies) {
            ChecksApi.CheckRequest plain = PlainCheckRequest.read(bytes(body));
            assertThat(plain).as(body).isNotNull().isEqualTo(MAPPER.readValue(bytes(body)));
        }
    }

    /** Escapes the mapper refuses are not read here (the mapper refuses them); escaped lone surrogates neither. */
    @Test
    void leavesOtherEscapesToTheMapper() {
        for (String value : List.of("\\x", "\\'", "\\u12", "\\u12G4", "\\u", "\\U0041", "a\\", "\\u-123",
                "\\u+123", "\\u 123", "\\\u00e9", "\\a", "\\0")) {
            String body = "{\"purpose\":\"" + value + "\"}";
            assertThat(PlainCheckRequest.read(bytes(body))).as(body).isNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MAPPER.readValue(bytes(body))).as(body)
                    .isInstanceOf(tools.jackson.core.JacksonException.class);
        }
        for (String value : List.of("\\ud83d", "\\ude00x", "\\ud83d\\u0041", "x\\ud83d", "\\ude00\\ud83d")) {
            String body = "{\"purpose\":\"" + value + "\"}";
            assertThat(PlainCheckRequest.read(bytes(body))).as(body).isNull();
        }
        String unescapedTab = "{\"purpose\":\"\\n\t\"}";
        assertThat(PlainCheckRequest.read(bytes(unescapedTab))).isNull();
    }

    /** As WrkLoad.jsonAscii: printable ASCII as it is, every other UTF-16 unit escaped in lower-case hex. */
    private static String asTheBenchmark(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf(c)
                    : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    /**
     * The text as JSON string content, some characters escaped (either case of hex; both halves of a pair) and the
     * rest sent as they are.
     */
    private static String escapedSome(String text, java.util.Random random) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20 || random.nextBoolean()) {
                String hex = random.nextBoolean() ? "\\u%04x" : "\\u%04X";
                for (char unit : Character.toChars(c)) {
                    out.append(String.format(hex, (int) unit));
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Test
    void judgesTheDeclaredConstraintsAsBeanValidation() {
        String forty = "1".repeat(40);
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            for (ChecksApi.CheckRequest request : List.of(new ChecksApi.CheckRequest(forty, forty, null, null, null),
                    new ChecksApi.CheckRequest(null, null, null, null, null),
                    new ChecksApi.CheckRequest(forty + "1", null, null, null, null),
                    new ChecksApi.CheckRequest("1", forty + "1", null, null, null),
                    new ChecksApi.CheckRequest("号".repeat(40), "", Scenario.HIRING, "", ""))) {
                assertThat(PlainCheckRequest.valid(request)).as(request.toString())
                        .isEqualTo(validator.validate(request).isEmpty());
            }
        }
        assertThat(PlainCheckRequest.valid(new ChecksApi.CheckRequest(forty, forty, null, null, null))).isTrue();
        assertThat(PlainCheckRequest.valid(new ChecksApi.CheckRequest(null, null, null, null, null))).isFalse();
        assertThat(PlainCheckRequest.valid(new ChecksApi.CheckRequest(forty + "1", null, null, null, null))).isFalse();
        assertThat(PlainCheckRequest.valid(new ChecksApi.CheckRequest("1", forty + "1", null, null, null))).isFalse();
        // Characters, not bytes, as @Size counts them.
        assertThat(PlainCheckRequest.valid(new ChecksApi.CheckRequest("号".repeat(40), null, null, null, null)))
                .isTrue();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
