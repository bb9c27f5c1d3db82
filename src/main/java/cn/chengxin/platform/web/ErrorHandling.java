package cn.chengxin.platform.web;

import cn.chengxin.shared.web.Problems;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.shared.DomainProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * One place turns every failure into an answer: under {@code /api/} an RFC 9457 problem+json with a
 * stable {@code code} (ARCHITECTURE.md, cross-cutting rules); elsewhere the error page in the site's
 * layout. Internal errors get a reference id in the log and the answer, never a stack trace or input data.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

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
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setStatus(problem.getStatus());
        return new ModelAndView("error", Map.of("status", problem.getStatus(), "problem", problem),
                HttpStatus.valueOf(problem.getStatus()));
    }

    private static ProblemDetail problemFor(Exception exception) {
        if (exception instanceof DomainProblem domain) {
            return Problems.of(Problems.statusOf(domain.kind()), domain.code(), domain.getMessage());
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
            default -> status.getReasonPhrase();
        };
    }
}
