package cn.chengxin.platform.web;

import cn.chengxin.shared.web.HtmlClients;
import cn.chengxin.shared.web.Problems;
import cn.chengxin.shared.web.RefusedRequests;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.chengxin.shared.DomainProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * One place turns every failure into an answer: under {@code /api/} an RFC 9457 problem+json with a
 * stable {@code code} (ARCHITECTURE.md, cross-cutting rules); elsewhere the error page in the site's
 * layout, in the reader's language, unless the client is a program that takes no HTML ({@link HtmlClients}): it
 * reads the same problem+json as on the API. Internal errors get a reference id in the log and the answer, never a stack
 * trace or input data. A 429 and a 503 say when to come back ({@code Retry-After}, RFC 9110 §10.2.3), page and API
 * alike, and every problem whether and how to send the request again ({@code retry}: {@link DomainProblem.Retry}).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final MessageSource messages;
    private final List<RefusedRequests> refusals;
    private final ErrorPageLayout layout;

    ErrorHandling(MessageSource messages, List<RefusedRequests> refusals, ErrorPageLayout layout) {
        this.messages = messages;
        this.layout = layout;
        this.refusals = List.copyOf(refusals);
    }

    @ExceptionHandler
    Object handle(Exception exception, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (exception instanceof AccessDeniedException || exception instanceof AuthenticationException) {
            throw exception; // Spring Security answers these (login redirect, 401/403 problem)
        }
        ProblemDetail problem = problemFor(exception);
        if (exception instanceof ErrorResponse spring) {
            // What the framework says the client needs besides the status: Allow with a 405, Accept with a 415.
            spring.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        }
        if (exception instanceof DomainProblem domain) {
            problem.setProperty(Problems.RETRY, domain.retry().member());
        }
        if (problem.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()
                || problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Problems.retryAfterSeconds(
                    exception instanceof DomainProblem domain ? domain : null, problem.getStatus())));
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (api) {
            tellRefused(request, problem);
        }
        if (api || !HtmlClients.wantPage(request)) {
            // A program reaching a page's address (no HTML in its Accept) reads the problem, not the error page.
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setStatus(problem.getStatus());
        Locale locale = RequestContextUtils.getLocale(request);
        Map<String, Object> page = new HashMap<>(Map.of("status", problem.getStatus(), "problem", problem,
                "title", title(problem.getStatus(), locale), "detail", detail(problem, locale)));
        layout.fill(request, page); // the masthead and 关怀模式 as on the page it was met on (review xlv Z8)
        return new ModelAndView("error", page, HttpStatus.valueOf(problem.getStatus()));
    }

    /** The modules that audit their routes' refusals hear of this one; their failing never changes the answer. */
    private void tellRefused(HttpServletRequest request, ProblemDetail problem) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        Refusals.tell(refusals, request, problem.getStatus(), String.valueOf(code));
    }

    /** The page's heading for its status in the reader's language ({@code error.status.<status>}). */
    private String title(int status, Locale locale) {
        return messages.getMessage("error.status." + status, null,
                messages.getMessage("error.title", null, "", locale), locale);
    }

    /**
     * What the page says: a problem's own detail is Chinese (DomainProblem) and the most exact, so a Chinese reader
     * reads it; any other reader reads its code's description in their language ({@code problem.<CODE>}), the
     * Chinese detail only where none is written. An unforeseen failure keeps its reference either way.
     */
    private String detail(ProblemDetail problem, Locale locale) {
        String own = Objects.requireNonNullElse(problem.getDetail(), "");
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        if (code == null || Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
            return own;
        }
        String described = messages.getMessage("problem." + code, null, own, locale);
        Object reference = problem.getProperties().get("reference");
        return reference == null ? described : described + " (" + reference + ")";
    }

    private static ProblemDetail problemFor(Exception exception) {
        if (exception instanceof DomainProblem domain) {
            return Problems.of(Problems.statusOf(domain), domain.code(), domain.getMessage());
        }
        if (exception instanceof MethodArgumentNotValidException invalid) {
            return validation(invalid.getBindingResult().getFieldErrors().stream()
                    .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                    .toList());
        }
        if (exception instanceof BindException bind) {
            return validation(bind.getFieldErrors().stream()
                    .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                    .toList());
        }
        if (exception instanceof HandlerMethodValidationException invalid) {
            return validation(invalid.getAllErrors().stream()
                    .map(e -> Map.of("field", "", "message", String.valueOf(e.getDefaultMessage()))).toList());
        }
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            return mismatched(mismatch);
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiBodyLimit.TooLarge tooLarge) {
                return Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.BODY_TOO_LARGE, tooLarge.getMessage());
            }
        }
        if (exception instanceof ControlCharacterParameters.Refused refused) {
            return untypable(refused.parameter());
        }
        if (cn.chengxin.platform.database.UntypableCharacters.refusedIn(exception)) {
            return untypable("");
        }
        if (exception instanceof org.apache.tomcat.util.http.InvalidParameterException invalid) {
            return invalidParameters(invalid);
        }
        if (exception instanceof HttpMessageNotReadableException) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_REQUEST,
                    "请求体不是有效的 JSON 或缺少必需内容");
            UnreadableBody.fault(exception).ifPresent(fault -> problem.setProperty("errors", List.of(fault)));
            return problem;
        }
        if (exception instanceof HttpMediaTypeNotAcceptableException) {
            return Problems.of(HttpStatus.NOT_ACCEPTABLE, ProblemCodes.NOT_ACCEPTABLE, "不支持请求的响应格式");
        }
        if (exception instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            // The container's multipart bound (spring.servlet.multipart) is where a file past its size limit is met
            // first: named as the file's problem, with the code the upload endpoints document, not as a long body.
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.FILE_TOO_LARGE,
                    "上传的文件超过允许的大小上限");
        }
        if (exception instanceof ErrorResponse spring) {
            HttpStatus status = HttpStatus.valueOf(spring.getStatusCode().value());
            String code = status == HttpStatus.BAD_REQUEST ? ProblemCodes.VALIDATION_FAILED
                    : ProblemCodes.forStatus(status.value());
            return Problems.of(status, code, messageFor(status));
        }
        if (exception instanceof org.springframework.web.multipart.MultipartException) {
            return Problems.of(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_REQUEST, "请求不是有效的文件上传");
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unhandled error, reference {}", reference, exception);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR,
                Problems.internalErrorDetail(reference));
        problem.setProperty("reference", reference);
        return problem;
    }

    /**
     * A value in the address that is not of its type (an id that is no UUID, a page that is no number) is the
     * client's mistake, never a server error: a path that names nothing is a 404, a parameter a 400 naming it.
     */
    private static ProblemDetail mismatched(MethodArgumentTypeMismatchException mismatch) {
        if (mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return Problems.of(HttpStatus.NOT_FOUND, ProblemCodes.NOT_FOUND, messageFor(HttpStatus.NOT_FOUND));
        }
        return validation(List.of(Map.of("field", mismatch.getName(), "message", "格式不正确")));
    }

    /**
     * Parameters the container could not read (bytes that are no UTF-8, as {@code /lists?q=%FF} sends, or too many
     * of them): the client's request is wrong, never a server error. The exception's message quotes the value it
     * could not decode, which may be personal data: none of it is logged or answered.
     */
    private static ProblemDetail invalidParameters(org.apache.tomcat.util.http.InvalidParameterException invalid) {
        int status = invalid.getErrorCode();
        if (status < 400 || status > 499 || status == 400) {
            return validation(List.of(Map.of("field", "", "message", "请求参数不是有效的 UTF-8 文本")));
        }
        HttpStatus refused = HttpStatus.resolve(status) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(status);
        return Problems.of(refused, ProblemCodes.forStatus(refused.value()), messageFor(refused));
    }

    /** What a client reads when the database refused a character it sent. */
    static final String UNTYPABLE_CHARACTER = "提交的文本含有无法保存的字符（如 NUL 控制字符）：请删除后重新提交";

    /** The detail says it too: the console's error page shows the detail, not the errors. */
    private static ProblemDetail untypable(String field) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
                field.isEmpty() ? UNTYPABLE_CHARACTER : "「" + field + "」" + UNTYPABLE_CHARACTER);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", UNTYPABLE_CHARACTER)));
        return problem;
    }

    private static ProblemDetail validation(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED, "请求参数校验未通过");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** What a caller reads for a status the framework or the container reports without a problem of ours. */
    static String messageFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "请求的资源不存在";
            case METHOD_NOT_ALLOWED -> "不支持该请求方法";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持该请求内容类型";
            case BAD_REQUEST -> "请求参数不正确";
            case NOT_ACCEPTABLE -> "不支持请求的响应格式";
            case CONFLICT -> "请求与资源的当前状态冲突";
            case TOO_MANY_REQUESTS -> "请求过于频繁，请稍后再试";
            case SERVICE_UNAVAILABLE -> "服务暂时不可用，请稍后再试";
            // Never the English reason phrase: the detail of every problem is Chinese (DomainProblem#getMessage).
            default -> status.is5xxServerError() ? "服务器处理请求时出错" : "请求未被接受";
        };
    }
}
