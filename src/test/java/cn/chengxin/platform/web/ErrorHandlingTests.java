package cn.chengxin.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlingTests {

    private static final String HAN = ".*\\p{IsHan}.*";

    private final ErrorHandling handling = new ErrorHandling(messages(), java.util.List.of(), (request, model) -> { });

    /** The 61st look-up of the public lists, read in English: nothing of the Chinese refusal, and when to return. */
    @Test
    void anEnglishTooManyPageSpeaksEnglishAndSaysWhenToComeBack() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Map<String, Object> page = page(new CodedProblem("LIST_RATE_LIMITED", DomainProblem.Kind.TOO_MANY,
                "查询过于频繁，请在 7 秒后再试", Duration.ofMillis(6_200)), Locale.ENGLISH, response);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        assertThat(page.get("title")).isEqualTo("Too many requests");
        assertThat((String) page.get("detail")).startsWith("Too many list look-ups").doesNotMatch(HAN);
    }

    @Test
    void aChinesePageKeepsTheProblemsOwnDetail() throws Exception {
        Map<String, Object> page = page(new CodedProblem("LIST_RATE_LIMITED", DomainProblem.Kind.TOO_MANY,
                "查询过于频繁，请在 7 秒后再试", Duration.ofSeconds(7)), Locale.SIMPLIFIED_CHINESE,
                new MockHttpServletResponse());

        assertThat(page.get("title")).isEqualTo("请求过于频繁");
        assertThat(page.get("detail")).isEqualTo("查询过于频繁，请在 7 秒后再试");
    }

    /** A status the handling names no reason for (409, 503) is never told by its English reason phrase in Chinese. */
    @Test
    void aStatusWithoutItsOwnCaseIsToldInTheReadersLanguage() throws Exception {
        for (HttpStatus status : new HttpStatus[] {HttpStatus.CONFLICT, HttpStatus.SERVICE_UNAVAILABLE,
                HttpStatus.I_AM_A_TEAPOT}) {
            Map<String, Object> chinese = page(new ResponseStatusException(status), Locale.SIMPLIFIED_CHINESE,
                    new MockHttpServletResponse());
            assertThat((String) chinese.get("detail")).as(status.toString()).matches(HAN)
                    .doesNotContain(status.getReasonPhrase());
            Map<String, Object> english = page(new ResponseStatusException(status), Locale.ENGLISH,
                    new MockHttpServletResponse());
            assertThat((String) english.get("detail")).as(status.toString()).doesNotMatch(HAN);
            assertThat((String) english.get("title")).as(status.toString()).doesNotMatch(HAN);
        }
        assertThat(page(new ResponseStatusException(HttpStatus.CONFLICT), Locale.SIMPLIFIED_CHINESE,
                new MockHttpServletResponse()).get("title")).isEqualTo("与当前状态冲突");
    }

    /** A refusal for too many that knows no wait of its own (a full pool) still says one, on the API too. */
    @Test
    void anApiTooManyProblemSaysWhenToComeBack() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/submissions");
        MockHttpServletResponse response = new MockHttpServletResponse();

        Object answer = handling.handle(new CodedProblem("INGESTION_BUSY", DomainProblem.Kind.TOO_MANY,
                "本实例同时处理的报送批次已达上限，请稍后重新报送"), request, response);

        assertThat(((ResponseEntity<?>) answer).getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("60");
        handling.handle(new CodedProblem("LIST_RATE_LIMITED", DomainProblem.Kind.TOO_MANY, "查询过于频繁",
                Duration.ofMillis(300)), request, response = new MockHttpServletResponse());
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }

    /**
     * Gaps review xxxvii R9: every 503 says when to come back and how to send again, as the refusing rule knows it
     * (a batch cut short: under its own batch id); a refusal that is not of the moment says never.
     */
    @Test
    void anApiProblemSaysWhetherAndHowToSendItAgain() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/submissions");
        MockHttpServletResponse response = new MockHttpServletResponse();
        DomainProblem interrupted = new CodedProblem("BATCH_INTERRUPTED", DomainProblem.Kind.UNAVAILABLE, "中断") {
            @Override
            public Retry retry() {
                return Retry.SAME_IDEMPOTENCY_KEY;
            }
        };

        Object answer = handling.handle((Exception) interrupted, request, response);
        assertThat(((ResponseEntity<?>) answer).getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(problemOf(answer).getProperties()).containsEntry("retry", "same-idempotency-key");

        answer = handling.handle(new CodedProblem("AUDIT_UNAVAILABLE", DomainProblem.Kind.UNAVAILABLE, "不可用"),
                request, response = new MockHttpServletResponse());
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(problemOf(answer).getProperties()).containsEntry("retry", "same-request");

        answer = handling.handle(new CodedProblem("BATCH_CONFLICT", DomainProblem.Kind.CONFLICT, "冲突"), request,
                response = new MockHttpServletResponse());
        assertThat(response.getHeader("Retry-After")).isNull();
        assertThat(problemOf(answer).getProperties()).containsEntry("retry", "never");

        // What the framework refuses 503 (an asynchronous answer that timed out) may be sent again too.
        answer = handling.handle(new org.springframework.web.context.request.async.AsyncRequestTimeoutException(),
                request, response = new MockHttpServletResponse());
        assertThat(((ResponseEntity<?>) answer).getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(problemOf(answer).getProperties()).containsEntry("retry", "same-request");
    }

    private static org.springframework.http.ProblemDetail problemOf(Object answer) {
        return (org.springframework.http.ProblemDetail) ((ResponseEntity<?>) answer).getBody();
    }

    /** {@code /lists?q=%FF}: bytes that are no UTF-8 are the client's mistake, a 400, never a 500 with a reference. */
    @Test
    void parametersTheContainerCannotDecodeAreTheClientsMistake() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Map<String, Object> page = page(new org.apache.tomcat.util.http.InvalidParameterException(
                "Character decoding failed. Parameter [q] with value [\uFFFD] has been ignored.",
                new java.nio.charset.MalformedInputException(1)), Locale.ENGLISH, response);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat((String) page.get("detail")).startsWith("The request did not pass validation")
                .doesNotContain("reference", "Parameter [q]");
    }

    /**
     * A program (no HTML in its Accept) that reaches a page's address and is refused there reads problem+json with a
     * stable code, as on the API: an unknown page, a wrong method or media type, a missing or mistyped parameter, a
     * body past the container's bound, an unforeseen failure (issue #2).
     */
    @Test
    void aProgramAtAPageAddressReadsAProblemWithItsCode() throws Exception {
        Map<Exception, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(new org.springframework.web.servlet.resource.NoResourceFoundException(
                org.springframework.http.HttpMethod.GET, "/console/nothing-here", "console/nothing-here"),
                "404 NOT_FOUND");
        refusals.put(new org.springframework.web.HttpRequestMethodNotSupportedException("PUT", java.util.List.of("GET")),
                "405 METHOD_NOT_ALLOWED");
        refusals.put(new org.springframework.web.HttpMediaTypeNotSupportedException(
                org.springframework.http.MediaType.TEXT_PLAIN, java.util.List.of(
                        org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)), "415 UNSUPPORTED_MEDIA_TYPE");
        refusals.put(new org.springframework.web.bind.MissingServletRequestParameterException("page", "int"),
                "400 VALIDATION_FAILED");
        refusals.put(new org.apache.tomcat.util.http.InvalidParameterException("too large", 413), "413 BODY_TOO_LARGE");
        refusals.put(new IllegalStateException("unforeseen"), "500 INTERNAL_ERROR");
        for (String accept : new String[] {"application/json", "application/json, text/plain, */*",
                "application/problem+json"}) {
            refusals.forEach((refusal, expected) -> {
                MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/subjects");
                request.addHeader("Accept", accept);
                MockHttpServletResponse response = new MockHttpServletResponse();
                Object answer = handle(refusal, request, response);
                assertThat(answer).as(accept + " " + expected).isInstanceOf(ResponseEntity.class);
                ResponseEntity<?> problem = (ResponseEntity<?>) answer;
                assertThat(problem.getHeaders().getContentType()).as(expected)
                        .isEqualTo(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
                org.springframework.http.ProblemDetail body = (org.springframework.http.ProblemDetail) problem.getBody();
                assertThat(body.getStatus() + " " + body.getProperties().get("code")).isEqualTo(expected);
            });
        }
        MockHttpServletResponse refused = new MockHttpServletResponse();
        handle(new org.springframework.web.HttpRequestMethodNotSupportedException("PUT", java.util.List.of("GET")),
                new MockHttpServletRequest("PUT", "/lists") {{ addHeader("Accept", "application/json"); }}, refused);
        assertThat(refused.getHeader("Allow")).as("what the client may do instead").isEqualTo("GET");
    }

    /** A browser keeps the site's error page for the same refusals. */
    @Test
    void aBrowserKeepsTheErrorPage() {
        for (String accept : new String[] {"text/html,application/xhtml+xml,*/*;q=0.8", "*/*", ""}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/nothing-here");
            if (!accept.isEmpty()) {
                request.addHeader("Accept", accept);
            }
            Object answer = handle(new org.springframework.web.servlet.resource.NoResourceFoundException(
                    org.springframework.http.HttpMethod.GET, "/console/nothing-here", "console/nothing-here"),
                    request, new MockHttpServletResponse());
            assertThat(answer).as(accept).isInstanceOf(ModelAndView.class);
        }
    }

    private Object handle(Exception exception, MockHttpServletRequest request, MockHttpServletResponse response) {
        try {
            return handling.handle(exception, request, response);
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
    }

    private Map<String, Object> page(Exception exception, Locale locale, MockHttpServletResponse response)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/lists");
        request.addPreferredLocale(locale);
        return ((ModelAndView) handling.handle(exception, request, response)).getModel();
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
