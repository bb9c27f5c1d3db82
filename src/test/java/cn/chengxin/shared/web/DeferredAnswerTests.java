package cn.chengxin.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import cn.chengxin.shared.CodedProblem;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class DeferredAnswerTests {

    private static final byte[] ANSWER = "{\"checkId\":\"x\"}".getBytes(UTF_8);

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/checks");
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final CompletableFuture<Long> durable = new CompletableFuture<>();

    DeferredAnswerTests() {
        request.setAsyncSupported(true);
        request.setAttribute(DeferredAnswer.FILTERED, Boolean.TRUE);
    }

    @Test
    void noAnswerLeavesBeforeTheWriteIsDurableNorBeforeTheRequestThreadHasLeftTheFilters() throws IOException {
        defer();
        assertThat(request.isAsyncStarted()).isTrue();
        durable.complete(7L);
        assertThat(response.getContentLength()).as("still in the filters").isZero();
        assertThat(request.isAsyncStarted()).isTrue();

        leaveFilters();

        assertAnswered();
    }

    @Test
    void whenTheThreadLeavesFirstTheAnswerIsWrittenByWhoeverCompletesTheWrite() throws Exception {
        defer();
        leaveFilters();
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(request.isAsyncStarted()).isTrue();

        Thread writer = new Thread(() -> durable.complete(7L));
        writer.start();
        writer.join();

        assertAnswered();
    }

    @Test
    void aLargeAnswerStillFitsInTheResponseBufferSoThatNoThreadWaitsToSendIt() throws IOException {
        byte[] large = new byte[3 * response.getBufferSize()];
        java.util.Arrays.fill(large, (byte) ' ');
        DeferredAnswer.json(request, response, large, durable, Duration.ofSeconds(15), Unavailable::new);

        assertThat(response.getBufferSize()).isGreaterThan(large.length);
    }

    @Test
    void aWriteThatFailsWithADomainProblemIsAnsweredWithItsCodeAndStatus() throws IOException {
        defer();
        leaveFilters();
        durable.completeExceptionally(new Unavailable());

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(UTF_8)).contains("\"code\":\"AUDIT_UNAVAILABLE\"")
                .doesNotContain("checkId");
        assertThat(request.isAsyncStarted()).isFalse();
    }

    @Test
    void anyOtherFailureIsAnInternalErrorWithAReference() throws IOException {
        defer();
        durable.completeExceptionally(new IllegalStateException("connection reset"));
        leaveFilters();

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString(UTF_8)).contains("\"code\":\"INTERNAL_ERROR\"", "参考编号")
                .doesNotContain("connection reset")
                .containsPattern("\"reference\":\"[0-9a-f-]{36}\"");
    }

    @Test
    void aWriteNotDurableInTimeIsAnsweredWithTheTimeoutProblemAndALateCompletionChangesNothing() throws Exception {
        defer();
        leaveFilters();
        for (AsyncListener listener : ((MockAsyncContext) request.getAsyncContext()).getListeners()) {
            listener.onTimeout(new AsyncEvent(request.getAsyncContext()));
        }
        durable.complete(7L);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString(UTF_8)).contains("AUDIT_UNAVAILABLE").doesNotContain("checkId");
    }

    @Test
    void withoutTheFilterTheRequestThreadWaitsAndAnswersItself() throws IOException {
        request.removeAttribute(DeferredAnswer.FILTERED);
        durable.complete(7L);
        defer();

        assertThat(request.isAsyncStarted()).isFalse();
        assertThat(response.getContentAsByteArray()).isEqualTo(ANSWER);
    }

    @Test
    void withoutTheFilterAWriteNotDurableInTimeIsRefused() throws IOException {
        request.removeAttribute(DeferredAnswer.FILTERED);
        DeferredAnswer.json(request, response, ANSWER, durable, Duration.ofMillis(20), Unavailable::new);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString(UTF_8)).contains("AUDIT_UNAVAILABLE");
    }

    private void defer() throws IOException {
        DeferredAnswer.json(request, response, ANSWER, durable, Duration.ofSeconds(15), Unavailable::new);
    }

    private void leaveFilters() {
        ((DeferredAnswer) request.getAttribute(DeferredAnswer.ATTRIBUTE)).chainLeft();
    }

    private void assertAnswered() {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentAsByteArray()).isEqualTo(ANSWER);
        assertThat(request.isAsyncStarted()).as("completed").isFalse();
    }

    private static final class Unavailable extends CodedProblem {

        Unavailable() {
            super("AUDIT_UNAVAILABLE", Kind.UNAVAILABLE, "审计日志暂不可用，操作未执行");
        }
    }
}
