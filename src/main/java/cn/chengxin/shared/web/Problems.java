package cn.chengxin.shared.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import cn.chengxin.shared.DomainProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problems: every one carries a stable {@code code} and a type URI derived from it. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        problem.setProperty(RETRY, DomainProblem.Retry.ofStatus(status.value()).member());
        return problem;
    }

    /**
     * The member telling a program whether and how to send the request again (gaps review xxxvii R9):
     * {@link DomainProblem.Retry#member()}, by the status unless the refusing rule says otherwise.
     */
    public static final String RETRY = "retry";

    /** The code of an unforeseen failure; its detail ({@link #internalErrorDetail}) gives the log's reference. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    /** What the caller of an unforeseen failure reads: where to turn, and the reference under which it is logged. */
    public static String internalErrorDetail(String reference) {
        return "服务器内部错误，请联系管理员并提供参考编号 " + reference;
    }

    /**
     * The status every API answers a domain problem with, the one rule for all of them: 400 for a malformed request
     * ({@link DomainProblem#malformedRequest()}: an identity number refused by its standard answers 400 with its code
     * on checks, reports, benefits, commitments and validations alike; gaps review xxxvii R5), else its kind's.
     */
    public static HttpStatus statusOf(DomainProblem problem) {
        return problem.malformedRequest() ? HttpStatus.BAD_REQUEST : statusOf(problem.kind());
    }

    /** The status every API answer gives a {@link DomainProblem} of this kind that is no malformed request. */
    public static HttpStatus statusOf(DomainProblem.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /**
     * For filters that answer before Spring MVC: an unforeseen failure as the application's error handling answers it,
     * its reference in the detail and as a member of its own.
     */
    public static void writeInternalError(HttpServletResponse response, String reference) throws IOException {
        write(response, HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR, internalErrorDetail(reference),
                DomainProblem.Retry.NEVER, ",\"reference\":\"" + reference.replace("\"", "'") + "\"");
    }

    /** For filters (security) that answer before Spring MVC: writes the problem JSON by hand. */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        write(response, status, code, detail, DomainProblem.Retry.ofStatus(status.value()), "");
    }

    /**
     * The wait a 429 asks for when the refusing rule does not know its own (a full pool, a spent allowance), in whole
     * seconds.
     */
    public static final Duration TOO_MANY_RETRY_AFTER = Duration.ofSeconds(60);

    /**
     * The wait a 503 asks for (gaps review xxxvii R9): a dependency down a moment (the audit log's database, a batch's
     * connection, the SMS gateway). Every 503 may be sent again, as its {@code retry} member says how; an answer that
     * must not be repeated is never a 503.
     */
    public static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * The {@code Retry-After} of a 429 or a 503, in whole seconds and at least one: the refusing rule's own wait when
     * it knows it ({@code problem} may be null), else {@link #TOO_MANY_RETRY_AFTER} or {@link #UNAVAILABLE_RETRY_AFTER}.
     */
    public static long retryAfterSeconds(DomainProblem problem, int status) {
        Duration otherwise = status == HttpStatus.SERVICE_UNAVAILABLE.value() ? UNAVAILABLE_RETRY_AFTER
                : TOO_MANY_RETRY_AFTER;
        Duration wait = problem == null ? otherwise : problem.retryAfter().orElse(otherwise);
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /**
     * For answers written past Spring MVC (a deferred answer): a rule's refusal as the application's error handling
     * answers it, with its {@code retry} member, and {@code Retry-After} on a 429 or a 503.
     */
    public static void write(HttpServletResponse response, DomainProblem problem) throws IOException {
        HttpStatus status = statusOf(problem);
        if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(problem, status.value())));
        }
        write(response, status, problem.code(), problem.getMessage(), problem.retry(), "");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail,
                              DomainProblem.Retry retry, String members) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"/problems/"
                + code.toLowerCase().replace('_', '-') + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\"", "'")
                + "\",\"code\":\"" + code + "\",\"" + RETRY + "\":\"" + retry.member() + "\"" + members + "}");
    }
}
