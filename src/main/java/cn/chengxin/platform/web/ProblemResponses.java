package cn.chengxin.platform.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * The error answers of the OpenAPI document (gaps review xxxvii R2): every operation gets, per status, an
 * {@code application/problem+json} response with the {@link #SCHEMA problem schema} and one example per code it may
 * answer, each named by its code and summarised by its English description ({@code problem.<CODE>}). The codes are
 * those every operation of its kind may meet, derived from the handler (a body, parameters, an API key: what
 * {@link ErrorHandling} and the key's filter answer), and those its module declares with {@link Refuses} — among them
 * 503 {@code AUDIT_UNAVAILABLE} on each operation whose handler reaches the audit log, and only there (gaps review xl
 * U3; {@code RefusesDriftTests} reads the reach per operation). Every
 * answer names its {@code X-Request-Id}; every 429 and 503 its {@code Retry-After}; every answer to a key the key's
 * {@code RateLimit} and {@code RateLimit-Policy} (R9).
 */
final class ProblemResponses {

    /** The name of the problem's schema among the document's components. */
    static final String SCHEMA = "Problem";

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String RATE_LIMIT = "RateLimit";
    private static final String RATE_LIMIT_POLICY = "RateLimit-Policy";

    /** What {@code subject}'s rules answer a document number refused ({@link Refuses#identityNumbers()}). */
    static final String[] IDENTITY_CODES = {"ID_FORMAT", "ID_CHECKSUM", "ID_BIRTH_DATE", "ID_REGION", "USCC_FORMAT",
            "USCC_REGISTRATION_AUTHORITY", "USCC_CHECKSUM", "USCC_ORGANISATION_CODE_CHECKSUM", "DOCUMENT_FORMAT",
            "DOCUMENT_TYPE_UNKNOWN"};

    private final MessageSource messages;

    ProblemResponses(MessageSource messages) {
        this.messages = messages;
    }

    /** RFC 9457's members, with the platform's own: {@code code} always, {@code reference}, {@code errors}. */
    static Schema<?> schema() {
        Schema<?> error = new ObjectSchema().description("One field's problem (VALIDATION_FAILED, MALFORMED_REQUEST)")
                .addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details. Act on `code`, which is stable; `type` leads "
                        + "to a page explaining it; `detail` is for people (Chinese).")
                .addProperty("type", new StringSchema().format("uri-reference").example("/problems/id-checksum"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("code", new StringSchema().description("The stable problem code").example("ID_CHECKSUM"))
                .addProperty("reference", new StringSchema().description("INTERNAL_ERROR only: the reference under "
                        + "which the failure is logged, to quote to the platform's operators"))
                .addProperty("errors", new ArraySchema().items(error))
                .addProperty("retry", new StringSchema()._enum(java.util.List.of("same-request",
                        "same-idempotency-key", "never")).description("Whether and how to send the request again "
                        + "(gaps review xxxvii R9): same-request — nothing was done, send it again as it was after "
                        + "Retry-After (every 429, and a 503 such as AUDIT_UNAVAILABLE); same-idempotency-key — send it "
                        + "again under the same Idempotency-Key, what was done is recognised and not done twice "
                        + "(BATCH_INTERRUPTED); never — the same request gets the same answer, or would act twice: "
                        + "change it first. Every 429 and 503 carries Retry-After."))
                .required(java.util.List.of("type", "title", "status", "code"));
    }

    Operation customise(Operation operation, HandlerMethod handler, boolean keyed) {
        Map<Integer, Set<String>> codes = new TreeMap<>();
        derived(handler, keyed, codes);
        declared(handler, codes);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        codes.forEach((status, named) -> responses.addApiResponse(Integer.toString(status), response(status, named)));
        responses.values().forEach(r -> r.addHeaderObject(REQUEST_ID, new Header().description("The request's id: "
                + "the caller's own X-Request-Id echoed, or one made; quote it to the platform's operators")
                .schema(new StringSchema())));
        if (keyed) {
            // Once the key is known: not with a 401, nor a key used from outside its networks.
            responses.forEach((status, response) -> {
                if (!"401".equals(status)) {
                    rateLimited(response);
                }
            });
        }
        return operation.responses(responses);
    }

    /**
     * The key's request rate on every answer to a key (gaps review xxxvii R9), as the key's filter writes them:
     * draft-ietf-httpapi-ratelimit-headers-11, one policy named {@code requests}.
     */
    private static void rateLimited(ApiResponse response) {
        response.addHeaderObject(RATE_LIMIT_POLICY, new Header().description("The key's request rate on this "
                        + "instance (draft-ietf-httpapi-ratelimit-headers-11): `\"requests\";q=<requests>;w=60`, q "
                        + "requests in a window of 60 seconds, refilled evenly").schema(new StringSchema()
                        .example("\"requests\";q=600;w=60")));
        response.addHeaderObject(RATE_LIMIT, new Header().description("What is left of it: `\"requests\";r=<left>;"
                        + "t=<seconds>`, r requests left now and t seconds until the full quota is back (0 when it "
                        + "is). Subjects checked a minute are a limit of their own (429 CHECK_BUDGET_EXHAUSTED), not "
                        + "counted here").schema(new StringSchema().example("\"requests\";r=598;t=1")));
    }

    /** What {@link ErrorHandling} and the key's filter may answer any operation of this shape. */
    private static void derived(HandlerMethod handler, boolean keyed, Map<Integer, Set<String>> codes) {
        boolean body = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(
                RequestBody.class) || p.hasParameterAnnotation(RequestPart.class));
        boolean parameters = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestParam.class));
        boolean path = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        if (body) {
            add(codes, 400, ProblemCodes.MALFORMED_REQUEST, ProblemCodes.VALIDATION_FAILED);
            add(codes, 413, ProblemCodes.BODY_TOO_LARGE);
            add(codes, 415, ProblemCodes.UNSUPPORTED_MEDIA_TYPE);
        }
        if (parameters) {
            add(codes, 400, ProblemCodes.VALIDATION_FAILED);
        }
        if (path) {
            add(codes, 404, ProblemCodes.NOT_FOUND);
        }
        if (keyed) {
            add(codes, 401, ProblemCodes.UNAUTHENTICATED, "API_KEY_INVALID", "API_KEY_EXPIRED",
                    "API_KEY_INSTITUTION_BANNED");
            add(codes, 403, ProblemCodes.FORBIDDEN, "API_KEY_ADDRESS_REFUSED");
            add(codes, 429, "RATE_LIMITED");
        }
        add(codes, 406, ProblemCodes.NOT_ACCEPTABLE);
        add(codes, 500, ProblemCodes.INTERNAL_ERROR);
    }

    /** The codes the handler's module declares, on its class and on the handler. */
    private static void declared(HandlerMethod handler, Map<Integer, Set<String>> codes) {
        Method method = handler.getMethod();
        java.util.List<Refuses> declared = new java.util.ArrayList<>(
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getBeanType(), Refuses.class));
        declared.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(method, Refuses.class));
        for (Refuses refuses : declared) {
            add(codes, refuses.status(), refuses.value());
            if (refuses.identityNumbers()) {
                // One status for these codes on every API (Problems#statusOf: a malformed request), not the annotation's.
                add(codes, HttpStatus.BAD_REQUEST.value(), IDENTITY_CODES);
            }
        }
    }

    private static void add(Map<Integer, Set<String>> codes, int status, String... named) {
        codes.computeIfAbsent(status, s -> new LinkedHashSet<>()).addAll(Arrays.asList(named));
    }

    private ApiResponse response(int status, Set<String> codes) {
        HttpStatus http = HttpStatus.valueOf(status);
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA));
        for (String code : codes) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("type", "/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
            value.put("title", http.getReasonPhrase());
            value.put("status", status);
            value.put("detail", messages.getMessage("problem." + code, null, "", Locale.SIMPLIFIED_CHINESE));
            value.put("code", code);
            problem.addExamples(code, new Example().value(value)
                    .summary(messages.getMessage("problem." + code, null, code, Locale.ENGLISH)));
        }
        ApiResponse response = new ApiResponse().description(http.getReasonPhrase() + ": "
                + String.join(", ", codes)).content(new Content().addMediaType(PROBLEM_JSON, problem));
        if (status == HttpStatus.TOO_MANY_REQUESTS.value() || status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().description("Whole seconds to wait "
                    + "before sending again (at least 1)").schema(new IntegerSchema()));
        }
        return response;
    }
}
