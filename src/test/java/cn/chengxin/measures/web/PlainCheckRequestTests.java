package cn.chengxin.measures.web;

import java.nio.charset.StandardCharsets;
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

    /** As the application's mapper (application.yml: an undefined field is an error). */
    private static final ObjectReader MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readerFor(ChecksApi.CheckRequest.class);

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
                "{\"subjectNumber\":true}", "{\"subjectNumber\":[\"1\"]}", "{\"subjectNumber\":\"a\\\"b\"}",
                "{\"subjectNumber\":\"\\u0031\"}", "{\"subject\\u004eumber\":\"1\"}", "{\"role\":\"ADMIN\"}",
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
