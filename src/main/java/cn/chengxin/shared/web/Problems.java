package cn.chengxin.shared.web;

import java.io.IOException;
import java.net.URI;

import cn.chengxin.shared.DomainProblem;
import jakarta.servlet.http.HttpServletResponse;
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
        return problem;
    }

    /** The code of an unforeseen failure; its detail ({@link #internalErrorDetail}) gives the log's reference. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    /** What the caller of an unforeseen failure reads: where to turn, and the reference under which it is logged. */
    public static String internalErrorDetail(String reference) {
        return "服务器内部错误，请联系管理员并提供参考编号 " + reference;
    }

    /** The status every API answer gives a {@link DomainProblem} of this kind. */
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
                ",\"reference\":\"" + reference.replace("\"", "'") + "\"");
    }

    /** For filters (security) that answer before Spring MVC: writes the problem JSON by hand. */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        write(response, status, code, detail, "");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail,
                              String members) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"/problems/"
                + code.toLowerCase().replace('_', '-') + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\"", "'")
                + "\",\"code\":\"" + code + "\"" + members + "}");
    }
}
