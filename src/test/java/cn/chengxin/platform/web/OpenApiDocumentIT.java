package cn.chengxin.platform.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.chengxin.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI document is what integrators generate their clients from (gaps review xxxvii R1, R2): it must name
 * each answer's schema, media type, status and headers as the API gives them, and each operation's error answers
 * with the problem schema and their codes.
 */
@IntegrationTest
class OpenApiDocumentIT {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String document() throws Exception {
        return mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> operation(String document, String path, String method) {
        return JsonPath.read(document, "$.paths['" + path + "']." + method);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> responses(Map<String, Object> operation) {
        return (Map<String, Map<String, Object>>) operation.get("responses");
    }

    /** springdoc names a schema by the class's simple name: two classes under one name are documented as one. */
    @Test
    void noTwoClassesOfTheApiShareASchemaName() throws Exception {
        Map<String, Set<String>> classesByName = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"))) {
                List<Type> types = new ArrayList<>(List.of(handler.getMethod().getGenericReturnType()));
                for (MethodParameter parameter : handler.getMethodParameters()) {
                    if (parameter.hasParameterAnnotation(RequestBody.class)) {
                        types.add(parameter.getGenericParameterType());
                    }
                }
                types.forEach(t -> collect(t, classesByName, new java.util.HashSet<>()));
            }
        });
        assertThat(classesByName).isNotEmpty();
        classesByName.forEach((name, classes) -> assertThat(classes).as("schema " + name).hasSize(1));

        String document = document();
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.LiftAcknowledgement.properties"))
                .containsOnlyKeys("seq", "acknowledgedAt");
        assertThat(JsonPath.<String>read(document, "$.paths['/api/v1/checks/lifted/{seq}/acknowledgement'].post"
                + ".responses['200'].content['application/json'].schema['$ref']"))
                .isEqualTo("#/components/schemas/LiftAcknowledgement");
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.ExchangeReceipt.properties"))
                .containsOnlyKeys("batchId", "received", "applied");
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.AuditCheckpoints.properties"))
                .containsKeys("algorithm", "publicKeyBase64", "checkpoints");
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.CatalogueItem.properties"))
                .containsOnlyKeys("version", "definition", "withdrawal", "effectiveFrom", "coming", "schema");
    }

    private static void collect(Type type, Map<String, Set<String>> classesByName, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, classesByName, seen);
            }
            collect(parameterized.getRawType(), classesByName, seen);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                collect(bound, classesByName, seen);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), classesByName, seen);
            } else if (c.getName().startsWith("cn.chengxin.") && !c.isEnum()) {
                Schema named = c.getAnnotation(Schema.class);
                String name = named != null && !named.name().isEmpty() ? named.name() : c.getSimpleName();
                classesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(c.getName());
                if (c.isRecord()) {
                    for (RecordComponent component : c.getRecordComponents()) {
                        collect(component.getGenericType(), classesByName, seen);
                    }
                }
            }
        }
    }

    /** A client generated from the document sends the file as multipart, the part named file, as the API takes it. */
    @Test
    void theFileUploadIsDocumentedAsMultipartWithItsFilePart() throws Exception {
        String document = document();
        Map<String, Object> content = JsonPath.read(document,
                "$.paths['/api/v1/submissions/files'].post.requestBody.content");
        assertThat(content).containsOnlyKeys("multipart/form-data");
        String file = "$.paths['/api/v1/submissions/files'].post.requestBody.content['multipart/form-data'].schema"
                + ".properties.file";
        assertThat(JsonPath.<String>read(document, file + ".format")).isEqualTo("binary");
        // Answered 202 with the batch's Location, as a commitment is 201 with its own; 200 only for validateOnly=true,
        // which stores no batch (gaps review xxxvii-api R8).
        Map<String, Map<String, Object>> upload = responses(operation(document, "/api/v1/submissions/files", "post"));
        assertThat(upload).containsKeys("202", "200");
        assertThat((String) upload.get("200").get("description")).startsWith("validateOnly=true");
        assertThat(JsonPath.<Map<String, Object>>read(upload.get("202"), "$.headers")).containsKey("Location");
        Map<String, Map<String, Object>> commitment = responses(operation(document, "/api/v1/commitments", "post"));
        assertThat(commitment).containsKey("201").doesNotContainKey("200");
        assertThat(JsonPath.<Map<String, Object>>read(commitment.get("201"), "$.headers"))
                .containsKeys("Location", "Idempotent-Replayed");
    }

    /** A PDF is bytes: Base64 text (format byte) would make a generated client decode the PDF into garbage. */
    @Test
    void aReportIsDocumentedAsItsBinaryPdfWithItsHeadersAndNoAnswerIsAnyMediaType() throws Exception {
        String document = document();
        for (String[] at : new String[][] {{"/api/v1/reports", "post"}, {"/api/v1/reports/{id}", "get"}}) {
            Map<String, Object> ok = responses(operation(document, at[0], at[1])).get("200");
            assertThat(JsonPath.<String>read(ok, "$.content['application/pdf'].schema.format")).isEqualTo("binary");
            assertThat(JsonPath.<Map<String, Object>>read(ok, "$.content")).containsKeys("text/html",
                    "application/json");
            assertThat(JsonPath.<Map<String, Object>>read(ok, "$.headers")).containsKeys("X-Report-Id",
                    "X-Report-Number", "X-Verification-Code", "X-Report-SM3");
        }
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.paths['/api/v1/reports'].post.responses['200']"
                + ".headers")).containsKey("Idempotent-Replayed");
        assertThat(JsonPath.<String>read(document, "$.paths['/api/v1/exchange/feed'].get.responses['200'].content"
                + "['application/json'].schema.format")).isEqualTo("binary");
        assertThat(JsonPath.<String>read(document, "$.paths['/api/v1/exchange/batches'].post.requestBody.content"
                + "['application/json'].schema.format")).isEqualTo("binary");
        assertThat(JsonPath.<List<Object>>read(document, "$.paths..responses.*.content['*/*']")).isEmpty();
        assertThat(JsonPath.<List<Object>>read(document, "$.paths..[?(@.format == 'byte')]")).isEmpty();
    }

    /** Every operation says how it refuses: problem+json with the problem schema, its codes as examples. */
    @Test
    void everyOperationDocumentsItsProblemsWithTheProblemSchema() throws Exception {
        String document = document();
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.Problem.properties"))
                .containsKeys("type", "title", "status", "detail", "code");
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(document, "$.paths");
        assertThat(paths).hasSizeGreaterThan(20);
        paths.forEach((path, methods) -> methods.forEach((method, op) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> operation = (Map<String, Object>) op;
            Map<String, Map<String, Object>> responses = responses(operation);
            List<String> problems = responses.entrySet().stream().filter(r -> r.getKey().startsWith("4"))
                    .filter(r -> "#/components/schemas/Problem".equals(read(r.getValue(),
                            "$.content['" + PROBLEM + "'].schema['$ref']")))
                    .map(Map.Entry::getKey).toList();
            assertThat(problems).as(method + " " + path).isNotEmpty();
            // Each code is one the platform explains (problem.<CODE>), so a code misspelt in @Refuses shows here.
            responses.values().stream().map(r -> read(r, "$.content['" + PROBLEM + "'].examples"))
                    .filter(java.util.Objects::nonNull).map(e -> (Map<?, ?>) e).forEach(examples -> examples.forEach(
                            (code, example) -> assertThat(read(example, "$.summary")).as(method + " " + path)
                                    .isNotEqualTo(code)));
            responses.values().forEach(r -> assertThat(JsonPath.<Map<String, Object>>read(r, "$.headers"))
                    .as(method + " " + path + " X-Request-Id").containsKey("X-Request-Id"));
            if (operation.containsKey("security")) {
                assertThat(codes(responses, "403")).as(method + " " + path).contains("API_KEY_ADDRESS_REFUSED");
                assertThat(codes(responses, "401")).as(method + " " + path).contains("API_KEY_INVALID",
                        "API_KEY_EXPIRED");
                assertThat(JsonPath.<Map<String, Object>>read(responses.get("429"), "$.headers"))
                        .as(method + " " + path).containsKey("Retry-After");
            }
        }));
    }

    /** The codes an integrator must handle and that no description named (R2), each on its operation. */
    @Test
    void theCodesAnOperationMayAnswerAreOnIt() throws Exception {
        String document = document();
        assertThat(codes(responses(operation(document, "/api/v1/commitments", "post")), "404"))
                .contains("COMMITMENT_SUBJECT_UNKNOWN");
        Map<String, Map<String, Object>> submissions = responses(operation(document, "/api/v1/submissions", "post"));
        assertThat(codes(submissions, "429")).contains("INGESTION_BUSY");
        assertThat(codes(submissions, "409")).contains("BATCH_IN_PROGRESS", "BATCH_CONFLICT");
        assertThat(codes(submissions, "422")).contains("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(codes(responses(operation(document, "/api/v1/reports", "post")), "422"))
                .contains("REPORT_KIND_INVALID");
        assertThat(codes(responses(operation(document, "/api/v1/checks", "post")), "400")).contains("ID_CHECKSUM");
        assertThat(codes(responses(operation(document, "/api/v1/exchange/batches", "post")), "403"))
                .contains("EXCHANGE_BATCH_MISADDRESSED");
        // The example of a code reads as the problem does, and its summary says what it means in English.
        assertThat(JsonPath.<String>read(document, "$.paths['/api/v1/commitments'].post.responses['404'].content"
                + "['" + PROBLEM + "'].examples.COMMITMENT_SUBJECT_UNKNOWN.value.type"))
                .isEqualTo("/problems/commitment-subject-unknown");
    }

    /**
     * Gaps review xxxvii R9, R10: the problem's retry member enumerated; every 503 with Retry-After; every answer to a
     * key with the RateLimit fields; the subjects' budget a code of its own on the checks; a breach owed a 202, not a
     * 503; the verification for programs documented public, with its limit.
     */
    @Test
    void retryAndLimitSignalsAndTheVerificationAreDocumented() throws Exception {
        String document = document();
        assertThat(JsonPath.<List<String>>read(document, "$.components.schemas.Problem.properties.retry.enum"))
                .containsExactly("same-request", "same-idempotency-key", "never");
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(document, "$.paths");
        paths.forEach((path, methods) -> methods.forEach((method, op) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> operation = (Map<String, Object>) op;
            Map<String, Map<String, Object>> responses = responses(operation);
            if (responses.containsKey("503")) {
                assertThat(JsonPath.<Map<String, Object>>read(responses.get("503"), "$.headers"))
                        .as(method + " " + path).containsKey("Retry-After");
            }
            if (operation.containsKey("security")) {
                responses.entrySet().stream().filter(r -> !r.getKey().equals("401"))
                        .forEach(r -> assertThat(JsonPath.<Map<String, Object>>read(r.getValue(), "$.headers"))
                                .as(method + " " + path + " " + r.getKey())
                                .containsKeys("RateLimit", "RateLimit-Policy"));
            }
        }));
        for (String checks : new String[] {"/api/v1/checks", "/api/v1/checks/batch"}) {
            assertThat(codes(responses(operation(document, checks, "post")), "429")).as(checks)
                    .contains("RATE_LIMITED", "CHECK_BUDGET_EXHAUSTED");
        }
        Map<String, Map<String, Object>> breach = responses(operation(document, "/api/v1/commitments/{id}/breach",
                "post"));
        assertThat(breach).containsKey("202").doesNotContainKey("503");
        // Gaps review xl U3: the 503 where the audit log is reached, not on a read that audits nothing.
        assertThat(codes(responses(operation(document, "/api/v1/reports", "post")), "503"))
                .containsExactly("AUDIT_UNAVAILABLE");
        assertThat(responses(operation(document, "/api/v1/whoami", "get"))).doesNotContainKey("503");
        Map<String, Object> verify = operation(document, "/api/v1/reports/verifications", "post");
        assertThat(verify).doesNotContainKey("security");
        assertThat(codes(responses(verify), "429")).containsExactly("VERIFY_RATE_LIMITED");
        assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.ReportVerification.properties"))
                .containsKeys("authentic", "status", "sm3Matches", "maskedNumber");
    }

    private static Set<String> codes(Map<String, Map<String, Object>> responses, String status) {
        Map<String, Object> response = responses.get(status);
        assertThat(response).as("response " + status).isNotNull();
        Map<String, Object> examples = JsonPath.read(response, "$.content['" + PROBLEM + "'].examples");
        return examples.keySet();
    }

    private static Object read(Object json, String path) {
        try {
            return JsonPath.read(json, path);
        } catch (com.jayway.jsonpath.PathNotFoundException absent) {
            return null;
        }
    }
}
