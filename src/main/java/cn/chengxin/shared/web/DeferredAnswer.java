package cn.chengxin.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.chengxin.shared.DomainProblem;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * An API answer that is ready before it may be given: the answer to a check is computed in microseconds, but may
 * leave only once the check's audit event is durable, which takes a share of a group commit (milliseconds). Instead of
 * parking its thread for that time — a park, a wake-up and a thread resumed with cold caches, which cost a check more
 * CPU than its own work — the request goes asynchronous (Servlet 3 async): the thread returns to the container and
 * serves other requests, and the answer is written by whoever completes the durable write, then the container
 * finishes the response.
 *
 * <p>The request thread still unwinds the filter chain after it has handed the answer over (security headers are
 * written there), so the answer must not touch the response before that is done: {@link DeferredAnswerFilter}, the
 * outermost filter, reports when the thread has left the chain, and of the two events, durable write and chain left,
 * the second writes the answer. If the filter is not installed (a test slice, a servlet without it) the request
 * thread waits for the write and answers itself, as a blocking endpoint would.
 */
public final class DeferredAnswer {

    private static final Logger log = LoggerFactory.getLogger(DeferredAnswer.class);
    static final String ATTRIBUTE = DeferredAnswer.class.getName();
    static final String FILTERED = DeferredAnswer.class.getName() + ".FILTERED";

    private static final int CHAIN_LEFT = 1;
    private static final int SETTLED = 2;
    /** Taken by the first outcome (durable, failed, timed out), which alone then settles the answer. */
    private static final int CLAIMED = 4;

    private final AsyncContext async;
    private final HttpServletResponse response;
    private final byte[] json;
    private final Supplier<? extends RuntimeException> timedOut;
    private final AtomicInteger state = new AtomicInteger();
    private final CompletableFuture<Void> answered = new CompletableFuture<>();
    /** What the request ended in: null for the answer, else the failure; written before {@link #SETTLED} is set. */
    private volatile Throwable failure;

    private DeferredAnswer(AsyncContext async, HttpServletResponse response, byte[] json,
                           Supplier<? extends RuntimeException> timedOut) {
        this.async = async;
        this.response = response;
        this.json = json;
        this.timedOut = timedOut;
    }

    /**
     * Answers {@code json} (status 200, {@code application/json}) once {@code durable} completes normally; if it
     * completes exceptionally, the problem it reports ({@link DomainProblem}s keep their code and status, anything
     * else is an internal error); if it has not completed within {@code timeout}, the problem {@code timedOut} gives
     * (a {@link DomainProblem} too, normally).
     * Call it last in the handler, which must take the {@code response} so that Spring MVC writes nothing itself.
     */
    public static void json(HttpServletRequest request, HttpServletResponse response, byte[] json,
                            CompletableFuture<?> durable, Duration timeout,
                            Supplier<? extends RuntimeException> timedOut) throws IOException {
        if (request.getAttribute(FILTERED) == null || !request.isAsyncSupported()) {
            answerNow(response, json, durable, timeout, timedOut);
            return;
        }
        if (json.length >= response.getBufferSize()) {
            // The answer must fit in the buffer: flushed on the thread that completes the write, a full buffer would
            // make it wait for a slow client's socket, and with it everyone else's answers (see write).
            response.setBufferSize(json.length + 1024);
        }
        // The answer's status and type set now, by the request thread, which has the response in its caches: whoever
        // completes the write (most often the audit log's single writer, whose next commit waits) then only copies
        // the bytes. A problem sets its own over them (Problems.write); nothing is sent before the answer completes.
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        DeferredAnswer answer = new DeferredAnswer(request.startAsync(), response, json, timedOut);
        answer.async.setTimeout(timeout.toMillis());
        answer.async.addListener(answer.new TimeoutOrError());
        request.setAttribute(ATTRIBUTE, answer);
        durable.whenComplete((done, failure) -> answer.settle(failure == null ? null : unwrap(failure)));
    }

    /**
     * Waits until the request's deferred answer, if it has one, has been written: for tests that read the response
     * as soon as the request has been handled (MockMvc).
     */
    public static void await(HttpServletRequest request, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (request.getAttribute(ATTRIBUTE) instanceof DeferredAnswer answer) {
            answer.answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The request thread has left the filter chain: from now on only the answer touches the response. */
    void chainLeft() {
        if ((state.getAndUpdate(s -> s | CHAIN_LEFT) & SETTLED) != 0) {
            finish();
        }
    }

    private void settle(Throwable outcome) {
        int s;
        do {
            s = state.get();
            if ((s & CLAIMED) != 0) {
                return;
            }
        } while (!state.compareAndSet(s, s | CLAIMED));
        failure = outcome;
        if ((state.getAndUpdate(x -> x | SETTLED) & CHAIN_LEFT) != 0) {
            finish();
        }
    }

    private void finish() {
        try {
            if (failure == null) {
                response.getOutputStream().write(json); // status and type set before the request went asynchronous
            } else {
                problem(response, failure);
            }
        } catch (IOException | RuntimeException e) {
            // The caller has gone (closed connection, timed-out socket): there is no one left to answer.
            log.debug("Deferred answer not delivered: {}", e.toString());
        } finally {
            try {
                async.complete();
            } catch (IllegalStateException alreadyCompleted) {
                log.debug("Deferred answer's request already completed");
            }
            answered.complete(null);
        }
    }

    private static void answerNow(HttpServletResponse response, byte[] json, CompletableFuture<?> durable,
                                  Duration timeout, Supplier<? extends RuntimeException> timedOut) throws IOException {
        try {
            durable.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            problem(response, unwrap(e));
            return;
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            problem(response, timedOut.get());
            return;
        }
        write(response, json);
    }

    /**
     * Into the response buffer only, which the container thread that completes the request then sends with its
     * length. No content length here: with it the container would send the answer as soon as its last byte is written,
     * on the thread that completes the write — the audit log's single writer, which has the next commit to make and
     * must never wait for a client's socket.
     */
    private static void write(HttpServletResponse response, byte[] json) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json);
    }

    private static void problem(HttpServletResponse response, Throwable failure) throws IOException {
        if (failure instanceof DomainProblem domain) {
            Problems.write(response, domain);
            return;
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unhandled error in a deferred answer, reference {}", reference, failure);
        // With its reference as a member, as ErrorHandling and the lean lane answer it: the caller quotes it.
        Problems.writeInternalError(response, reference);
    }

    private static Throwable unwrap(Throwable failure) {
        return (failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The container's timeout (the write took too long) and its I/O errors (the caller has gone). */
    private final class TimeoutOrError implements AsyncListener {

        @Override
        public void onTimeout(AsyncEvent event) {
            settle(timedOut.get());
        }

        @Override
        public void onError(AsyncEvent event) {
            settle(event.getThrowable() != null ? event.getThrowable() : new IOException("request failed"));
        }

        @Override
        public void onComplete(AsyncEvent event) {
            answered.complete(null);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
